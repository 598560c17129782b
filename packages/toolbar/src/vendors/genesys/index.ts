export { GenesysVendor } from './genesys-vendor.ts';
export type { GenesysVendorOptions } from './genesys-vendor.ts';
export type { TokenProvider } from './bridge-rest.ts';
export type { FetchLike, SocketClose, SocketMessage, WebSocketConstructor, WebSocketLike } from './platform.ts';
export type { BackoffOptions } from './backoff.ts';
export { GenesysSignIn, browserSignInWindow } from './genesys-sign-in.ts';
export type { GenesysSignInOptions, SignInOutcome, SignInWindow } from './genesys-sign-in.ts';
