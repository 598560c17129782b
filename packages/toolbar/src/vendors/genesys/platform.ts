import { pageSessionStorage, type StorageLike } from '../../platform/storage.ts';

/**
 * What the Genesys vendor needs from its platform, injected so the same code runs in a browser
 * (the globals) and in Node tests (`ws`'s WebSocket, Node's fetch, an in-memory Storage). Each is
 * the smallest slice of the standard API the vendor uses; the browser's objects and `ws`'s both fit.
 */

export interface SocketMessage {
  readonly data: unknown;
}

export interface SocketClose {
  readonly code: number;
  readonly reason: string;
}

/** The WebSocket API (browser and `ws`), listener style. */
export interface WebSocketLike {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: SocketMessage) => void): void;
  addEventListener(type: 'close', listener: (event: SocketClose) => void): void;
  addEventListener(type: 'error', listener: () => void): void;
}

export type WebSocketConstructor = new (url: string) => WebSocketLike;

/** The fetch API. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface Platform {
  WebSocket: WebSocketConstructor;
  fetch: FetchLike;
  storage: StorageLike;
}

/** What was given, else the browser's globals (sessionStorage, else a storage that forgets); a readable error names what is missing. */
export function resolvePlatform(given: Partial<Platform>): Platform {
  const scope = globalThis as { WebSocket?: WebSocketConstructor; fetch?: FetchLike };
  const WebSocket = given.WebSocket ?? scope.WebSocket;
  if (!WebSocket) throw new Error("No global WebSocket: pass the `WebSocket` option (in Node, ws's WebSocket).");
  const fetch = given.fetch ?? scope.fetch?.bind(globalThis);
  if (!fetch) throw new Error('No global fetch: pass the `fetch` option.');
  return { WebSocket, fetch, storage: given.storage ?? pageSessionStorage() };
}
