export { createBridge } from './bridge.ts';
export type { Bridge } from './bridge.ts';
export type { BridgeOptionsInput, ResolvedBridgeOptions, StaticDir } from './options.ts';
export type { AgentIdentity, Principal, TokenVerifier } from './http/access.ts';
export { createWorkspaceApiBackend } from './backends/workspace-api/index.ts';
