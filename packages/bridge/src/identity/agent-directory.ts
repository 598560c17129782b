import { CtiError } from '@ctikit/protocol';
import type { AgentEntry } from '@ctikit/contact-center';
import type { IdentityOptions } from './identity-options.ts';
import type { VerifiedToken } from './trusted-issuers.ts';

/**
 * Who a verified user is at the contact center: the directory's entry for the user (agent id, DN,
 * the vendor login), or the agent id a configured claim carries. Every entry is checked against
 * the contact center's agents when the bridge starts, so a typo fails the start, not a sign-in.
 */
export interface DirectoryMatch {
  agentId: string;
  /** The vendor login, when the directory names one (for logs and support). */
  login: string | undefined;
}

export class AgentDirectory {
  private readonly byUser: ReadonlyMap<string, IdentityOptions['directory']['agents'][number]>;

  constructor(
    private readonly directory: IdentityOptions['directory'],
    agents: readonly AgentEntry[],
  ) {
    this.byUser = new Map(directory.agents.map((entry) => [entry.user, entry]));
    const known = new Map(agents.map((agent) => [agent.agentId, agent]));
    for (const entry of directory.agents) {
      const agent = known.get(entry.agentId);
      if (!agent) throw new Error(`The identity directory maps user "${entry.user}" to agent "${entry.agentId}", which the contact center does not know.`);
      if (entry.dn !== undefined && entry.dn !== agent.dn) {
        throw new Error(`The identity directory gives agent "${entry.agentId}" DN ${entry.dn}; the contact center has ${agent.dn}.`);
      }
    }
  }

  find(token: VerifiedToken): DirectoryMatch {
    const entry = this.byUser.get(token.user);
    if (entry) return { agentId: entry.agentId, login: entry.login };
    const claim = this.directory.agentIdClaim;
    const value = claim === undefined ? undefined : token.claims[claim];
    if (typeof value === 'string' && value.length > 0) return { agentId: value, login: undefined };
    throw new CtiError('AGENT_NOT_IN_DIRECTORY', `User ${JSON.stringify(token.user.slice(0, 128))} of ${token.issuer} is not mapped to an agent.`);
  }
}
