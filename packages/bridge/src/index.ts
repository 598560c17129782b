export { createBridge } from './bridge.ts';
export type { Bridge } from './bridge.ts';
export type { BridgeOptionsInput, ResolvedBridgeOptions, StaticDir } from './options.ts';
export type { Principal, TokenVerifier } from './http/access.ts';
export type { AgentIdentity } from './identity/agent-identity.ts';
export { createWorkspaceApiBackend } from './backends/workspace-api/index.ts';
