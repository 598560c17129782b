export { createWorkspaceFace } from './workspace-face.ts';
export type { WorkspaceFace, WorkspaceFaceControl, WorkspaceFaceOptions } from './workspace-face.ts';
export type { KvPair, VoiceMessage, WorkspaceCall, WorkspaceDn } from './wire.ts';
export type { AgentAccount, AuthClient } from './genesys-authentication.ts';
