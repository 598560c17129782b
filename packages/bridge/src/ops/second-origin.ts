import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import type { FastifyBaseLogger } from 'fastify';
import type { StaticDir } from '../options.ts';
import { registerStaticDirs } from './static-files.ts';

/**
 * A second origin: a listener on another port that serves static pages only — no API, no sockets.
 * The toolbar frames web extensions from it (the sample extension and `wwe-service-client-api.js`
 * in dev), so they run cross-origin as they do in production, and the Service Client API's origin
 * checks are exercised for real.
 */
export interface SecondOrigin {
  readonly url: string;
  close(): Promise<void>;
}

export async function openSecondOrigin(port: number, host: string, dirs: readonly StaticDir[], log: FastifyBaseLogger): Promise<SecondOrigin> {
  const app = Fastify({ loggerInstance: log.child({ origin: 'extensions' }) });
  await app.register(async (scope) => {
    await registerStaticDirs(scope, dirs);
  });
  await app.listen({ port, host });
  const address = app.server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${shown === '0.0.0.0' || shown === '[::]' ? '127.0.0.1' : shown}:${address.port}`;
  return { url, close: () => app.close() };
}
