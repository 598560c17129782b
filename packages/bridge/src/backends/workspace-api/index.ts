export { createWorkspaceApiBackend } from './workspace-api-backend.ts';
export { workspaceApiConfigSchema } from './options.ts';
export type { BackendLog, WorkspaceApiBackendOptions, WorkspaceApiConfig, WorkspaceApiConfigInput } from './options.ts';
export { workspaceCredentialSchema } from './workspace-credential.ts';
export type { AuthClient, WorkspaceCredential } from './workspace-credential.ts';
