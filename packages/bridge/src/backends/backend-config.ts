import { backendSelectionSchema } from './backend-selection.ts';
import type { BackendSelection } from './backend-selection.ts';

/**
 * The `backend` section of the config file, with the Workspace API's secrets from the environment
 * (they win over the file, and are better kept out of it):
 *
 * - `CTIKIT_WORKSPACE_API_URL` — the Workspace API's origin
 * - `CTIKIT_WORKSPACE_API_KEY` — the API key (`x-api-key`)
 * - `CTIKIT_WORKSPACE_TOKENS` — `token=agentId,…`: each configured agent's OAuth bearer token
 *
 * Validated here, so a mistake names the config file or the variable it came from.
 */
export function backendFromSettings(section: unknown, env: NodeJS.ProcessEnv, source: string): BackendSelection | undefined {
  const read = (name: string): string | undefined => (env[name] === undefined || env[name] === '' ? undefined : env[name]);
  const apiUrl = read('CTIKIT_WORKSPACE_API_URL');
  const apiKey = read('CTIKIT_WORKSPACE_API_KEY');
  const tokens = read('CTIKIT_WORKSPACE_TOKENS');
  if (section === undefined && apiUrl === undefined && apiKey === undefined && tokens === undefined) return undefined;
  const base: Record<string, unknown> = typeof section === 'object' && section !== null ? { ...section } : { kind: 'workspace-api' };
  if (apiUrl !== undefined) base['apiUrl'] = apiUrl;
  if (apiKey !== undefined) base['apiKey'] = apiKey;
  if (tokens !== undefined) base['agents'] = withTokens(base['agents'], tokens);
  const parsed = backendSelectionSchema.safeParse(base);
  if (!parsed.success) {
    throw new Error(`${source}: ${parsed.error.issues.map((issue) => `backend.${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  return parsed.data;
}

/** The configured agents, each with its token from `token=agentId,…` (split at the last `=`). */
function withTokens(agents: unknown, tokens: string): unknown {
  if (!Array.isArray(agents)) throw new Error('CTIKIT_WORKSPACE_TOKENS: the config file lists no backend.agents to give tokens to');
  const byAgent = new Map<string, string>();
  for (const entry of tokens
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)) {
    const separator = entry.lastIndexOf('=');
    if (separator <= 0 || separator === entry.length - 1) throw new Error('CTIKIT_WORKSPACE_TOKENS: each entry is token=agentId');
    byAgent.set(entry.slice(separator + 1), entry.slice(0, separator));
  }
  const known = new Set(
    agents.map((agent: unknown) => (typeof agent === 'object' && agent !== null ? (agent as Record<string, unknown>)['agentId'] : undefined)),
  );
  for (const agentId of byAgent.keys()) {
    if (!known.has(agentId)) throw new Error(`CTIKIT_WORKSPACE_TOKENS: agent ${agentId} is not in backend.agents`);
  }
  return agents.map((agent: unknown) => {
    if (typeof agent !== 'object' || agent === null) return agent;
    const token = byAgent.get(String((agent as Record<string, unknown>)['agentId']));
    return token === undefined ? agent : { ...agent, token };
  });
}
