export { createWorkspaceApiBackend } from './workspace-api-backend.ts';
export { workspaceApiConfigSchema } from './options.ts';
export type { BackendLog, WorkspaceApiBackendOptions, WorkspaceApiConfig, WorkspaceApiConfigInput } from './options.ts';
export type { AuthClient } from './workspace-credential.ts';
