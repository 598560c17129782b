import type { ToolbarConfig } from '../config.ts';
import type { Logger } from '../core/logger.ts';
import type { ReasonCode } from '../core/outcome.ts';
import type { ICtiVendorHandler } from '../core/vendor-handler.ts';

/**
 * The telephony vendor the configuration names, loaded on demand (`import()`), so no vendor's code
 * is in the toolbar's first chunk. The bridge is the configured one, else the page's own origin (the
 * bridge serves the toolbar). Credentials: none (dev mode: the configured agent), the URL's token,
 * or Fusion's trust token, asked for when a command needs it.
 */
export interface VendorSetup {
  readonly config: ToolbarConfig;
  readonly reasonCodes: readonly ReasonCode[];
  readonly pageOrigin: string;
  /** Fusion's trust token, once the Fusion adapter has it. */
  readonly fusionTrustToken: () => Promise<string | undefined>;
  readonly logger: Logger;
}

export async function createVendor(setup: VendorSetup): Promise<ICtiVendorHandler> {
  const { config } = setup;
  switch (config.vendor) {
    case 'genesys': {
      const { GenesysVendor } = await import('../vendors/genesys/index.ts');
      return new GenesysVendor({
        bridgeUrl: config.bridgeUrl ?? setup.pageOrigin,
        reasonCodes: setup.reasonCodes,
        logger: setup.logger,
        ...credentialsOf(setup),
      });
    }
  }
}

function credentialsOf(setup: VendorSetup): { agentId?: string; token?: string | (() => Promise<string | undefined>) } {
  const { config } = setup;
  switch (config.credentials) {
    case 'none':
      return config.agentId !== undefined ? { agentId: config.agentId } : {};
    case 'url':
      return config.token !== undefined ? { token: config.token } : {};
    case 'fusionTrustToken':
      return { token: setup.fusionTrustToken };
  }
}
