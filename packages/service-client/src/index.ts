/**
 * `@ctikit/service-client`: the Service Client API for extension authors, compatible with Genesys's
 * `genesys.wwe.service`. As an ES module:
 *
 * ```ts
 * const service = createServiceClient({ window, hostOrigin: 'https://toolbar.example.com' });
 * const { data: agent } = await service.agent.get();
 * service.subscribe(['agent', 'interaction'], (message) => render(message.data));
 * ```
 *
 * As a script tag, `wwe-service-client-api.js` (this package's build) defines `window.genesys.wwe.service`.
 */
export * from './namespaces.ts';
export * from './objects.ts';
export * from './protocol.ts';
export * from './service-client.ts';
export type { GenesysGlobal } from './global-types.ts';
