import type { ToolbarConfig } from '../config.ts';
import type { Logger } from '../core/logger.ts';
import type { ReasonCode } from '../core/outcome.ts';
import type { ICtiVendorHandler } from '../core/vendor-handler.ts';

/**
 * The telephony vendor the configuration names, loaded on demand (`import()`), so no vendor's code
 * is in the toolbar's first chunk (amazon-connect-streams loads only for `vendor: 'amazon'`).
 * Genesys: the bridge is the configured one, else the page's own origin (the bridge serves the
 * toolbar). Credentials: none (dev mode: the configured agent), the URL's token, or Fusion's trust
 * token, asked for when a command needs it. Amazon Connect: the configured CCP, else the simulated
 * one on the page's own origin.
 */
export interface VendorSetup {
  readonly config: ToolbarConfig;
  readonly reasonCodes: readonly ReasonCode[];
  readonly pageOrigin: string;
  /** The toolbar page's address (without its query): the default Genesys sign-in redirect is beside it. */
  readonly pageUrl: string;
  /** Fusion's trust token, once the Fusion adapter has it; `fresh` asks Fusion for a new one. */
  readonly fusionTrustToken: (request?: { fresh: boolean }) => Promise<string | undefined>;
  readonly logger: Logger;
}

export async function createVendor(setup: VendorSetup): Promise<ICtiVendorHandler> {
  const { config } = setup;
  switch (config.vendor) {
    case 'genesys': {
      const { GenesysVendor, GenesysSignIn, browserSignInWindow } = await import('../vendors/genesys/index.ts');
      const { genesysSignIn } = config;
      return new GenesysVendor({
        bridgeUrl: config.bridgeUrl ?? setup.pageOrigin,
        ...(genesysSignIn
          ? {
              signIn: new GenesysSignIn(
                { ...genesysSignIn, redirectUri: genesysSignIn.redirectUri ?? new URL('genesys-sign-in.html', setup.pageUrl).href },
                browserSignInWindow(),
              ),
            }
          : {}),
        reasonCodes: setup.reasonCodes,
        logger: setup.logger,
        ...credentialsOf(setup),
      });
    }
    case 'amazon': {
      const { AmazonVendor } = await import('../vendors/amazon/index.ts');
      return new AmazonVendor({
        ccpUrl: ccpUrlOf(setup),
        region: config.region,
        loginPopup: config.loginPopup,
        container: ccpContainer(),
        reasonCodes: setup.reasonCodes,
        logger: setup.logger,
      });
    }
  }
}

/** The CCP to embed, absolute; the simulated one (as the configured dev agent) unless one is configured. */
function ccpUrlOf(setup: VendorSetup): string {
  const { config } = setup;
  if (config.ccpUrl !== undefined) return new URL(config.ccpUrl, setup.pageOrigin).toString();
  const simulated = new URL('/ccp/', setup.pageOrigin);
  if (config.agentId !== undefined) simulated.searchParams.set('agentId', config.agentId);
  return simulated.toString();
}

/** Where Streams builds the CCP iframe: laid out (the CCP wants a size) but not shown; the toolbar is the agent's UI. */
function ccpContainer(): HTMLElement {
  const container = document.createElement('div');
  container.className = 'amazon-ccp';
  container.style.cssText = 'position:fixed;left:0;top:0;width:400px;height:560px;visibility:hidden;pointer-events:none;';
  return document.body.appendChild(container);
}

function credentialsOf(setup: VendorSetup): { agentId?: string; token?: string | VendorSetup['fusionTrustToken'] } {
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
