import type { WweService } from './namespaces.ts';

/** What the script-tag build adds to `window`. */
export interface GenesysGlobal {
  genesys?: { wwe?: { service?: WweService } };
}
