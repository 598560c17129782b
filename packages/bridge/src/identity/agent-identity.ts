/** The agent a request acts as: always a configured agent and its own DN. */
export interface AgentIdentity {
  agentId: string;
  dn: string;
  /** Epoch ms when the credentials behind it expire: a socket is closed then (TOKEN_EXPIRED). */
  expiresAt?: number | undefined;
}
