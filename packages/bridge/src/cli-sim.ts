import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import type { SimAgentView, SimCallView } from '@ctikit/contact-center';
import { DEFAULT_PORT } from '@ctikit/protocol';

/**
 * `ctikit sim …`: the simulator control API of a running bridge, over HTTP. Each subcommand is one
 * request; its answer becomes the text to print (a table, or `--json`), an error body the text for
 * stderr. cli.ts does the printing.
 */

export const EXIT = { ok: 0, failed: 1, usage: 2, unavailable: 3 } as const;

export class UsageError extends Error {}

const COMMON_OPTIONS = {
  url: { type: 'string' },
  token: { type: 'string' },
  json: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

type Values = Record<string, string | boolean | string[] | undefined>;

interface SimRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

interface SimCommand {
  usage: string;
  options?: ParseArgsConfig['options'];
  /** How many positionals the command takes (its ids). */
  positionals: number;
  request(values: Values, positionals: string[]): SimRequest;
  print(answer: unknown): string;
}

function required(values: Values, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

/** `--data key=value` (repeatable) → user data. */
function userData(values: Values): Record<string, string> | undefined {
  const pairs = values['data'];
  if (!Array.isArray(pairs) || pairs.length === 0) return undefined;
  return Object.fromEntries(
    pairs.map((pair) => {
      const separator = pair.indexOf('=');
      if (separator <= 0) throw new UsageError(`--data takes key=value, got "${pair}"`);
      return [pair.slice(0, separator), pair.slice(separator + 1)];
    }),
  );
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

const done = () => 'OK';
const optionalConnection = { 'connection-id': { type: 'string' } } as const;

export const SIM_COMMANDS: Record<string, SimCommand> = {
  call: {
    usage: 'sim call --from <number> --to <queue or agent DN> [--data key=value]...',
    options: { from: { type: 'string' }, to: { type: 'string' }, data: { type: 'string', multiple: true } },
    positionals: 0,
    request: (values) => {
      const data = userData(values);
      return { method: 'POST', path: '/sim/calls', body: { from: required(values, 'from'), to: required(values, 'to'), ...(data ? { userData: data } : {}) } };
    },
    print: (answer) => {
      const { connectionId, callUuid } = answer as { connectionId: string; callUuid: string };
      return `Call placed: connectionId ${connectionId}, callUuid ${callUuid}`;
    },
  },
  hangup: {
    usage: 'sim hangup <connectionId>          (the customer hangs up)',
    positionals: 1,
    request: (_values, [id]) => ({ method: 'POST', path: `/sim/calls/${encodeURIComponent(id ?? '')}/hangup` }),
    print: done,
  },
  answer: {
    usage: 'sim answer <connectionId>          (the customer answers an outbound call)',
    positionals: 1,
    request: (_values, [id]) => ({ method: 'POST', path: `/sim/calls/${encodeURIComponent(id ?? '')}/answer` }),
    print: done,
  },
  refuse: {
    usage: 'sim refuse <connectionId> --reason busy|noAnswer',
    options: { reason: { type: 'string' } },
    positionals: 1,
    request: (values, [id]) => ({
      method: 'POST',
      path: `/sim/calls/${encodeURIComponent(id ?? '')}/refuse`,
      body: { reason: required(values, 'reason') },
    }),
    print: done,
  },
  'phone-answer': {
    usage: "sim phone-answer <dn> [--connection-id <id>]   (the agent's softphone answers)",
    options: optionalConnection,
    positionals: 1,
    request: (values, [dn]) => ({
      method: 'POST',
      path: `/sim/phones/${encodeURIComponent(dn ?? '')}/answer`,
      body: typeof values['connection-id'] === 'string' ? { connectionId: values['connection-id'] } : {},
    }),
    print: done,
  },
  'phone-hangup': {
    usage: "sim phone-hangup <dn> [--connection-id <id>]   (the agent's softphone hangs up)",
    options: optionalConnection,
    positionals: 1,
    request: (values, [dn]) => ({
      method: 'POST',
      path: `/sim/phones/${encodeURIComponent(dn ?? '')}/hangup`,
      body: typeof values['connection-id'] === 'string' ? { connectionId: values['connection-id'] } : {},
    }),
    print: done,
  },
  agents: {
    usage: 'sim agents',
    positionals: 0,
    request: () => ({ method: 'GET', path: '/sim/agents' }),
    print: (answer) => {
      const { agents } = answer as { agents: SimAgentView[] };
      const rows = agents.map((a) => [a.agentId, a.dn, a.name, a.registered ? 'yes' : 'no', a.state, a.workMode ?? '', a.reasonCode ?? '', a.calls.join(',')]);
      return table(['AGENT', 'DN', 'NAME', 'REGISTERED', 'STATE', 'WORK MODE', 'REASON', 'CALLS'], rows);
    },
  },
  calls: {
    usage: 'sim calls',
    positionals: 0,
    request: () => ({ method: 'GET', path: '/sim/calls' }),
    print: (answer) => {
      const { calls } = answer as { calls: SimCallView[] };
      const rows = calls.map((c) => [c.connectionId, c.callType, c.ANI, c.DNIS, c.parties.map((p) => `${p.dn}:${p.state}`).join(' ')]);
      return table(['CONNECTION ID', 'TYPE', 'ANI', 'DNIS', 'PARTIES'], rows);
    },
  },
};

export function simUsage(): string {
  return Object.values(SIM_COMMANDS)
    .map((command) => `  ctikit ${command.usage}`)
    .join('\n');
}

export interface CommandOutcome {
  code: number;
  stdout?: string;
  stderr?: string;
}

/** Run one `sim` subcommand. */
export async function runSim(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<CommandOutcome> {
  const [name, ...rest] = args;
  const command = name === undefined ? undefined : SIM_COMMANDS[name];
  if (!command) throw new UsageError(name === undefined ? 'sim needs a subcommand' : `unknown sim subcommand "${name}"`);
  const { values, positionals } = parseArgs({ args: rest, options: { ...COMMON_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
  if (positionals.length !== command.positionals) throw new UsageError(`usage: ctikit ${command.usage}`);
  const request = command.request(values, positionals);
  const base = (typeof values.url === 'string' ? values.url : env['CTIKIT_URL']) ?? `http://127.0.0.1:${DEFAULT_PORT}`;
  const token = typeof values.token === 'string' ? values.token : env['CTIKIT_TOKEN'];
  const headers: Record<string, string> = {
    ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
  let response: Response;
  try {
    response = await fetch(new URL(request.path, base), {
      method: request.method,
      headers,
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
    });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    return { code: EXIT.unavailable, stderr: `Cannot reach the bridge at ${base}: ${cause}` };
  }
  const answer: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const failure = (answer as { error?: { code?: string; message?: string } } | undefined)?.error;
    return { code: EXIT.failed, stderr: `${response.status} ${failure?.code ?? 'ERROR'}: ${failure?.message ?? response.statusText}` };
  }
  return { code: EXIT.ok, stdout: values.json ? JSON.stringify(answer, null, 2) : command.print(answer) };
}
