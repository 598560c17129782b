import { describe, expect, it } from 'vitest';
import { FusionLink } from '../../src/app/fusion.ts';
import { parseToolbarConfig } from '../../src/config.ts';
import { CrmContacts } from '../../src/core/crm-contacts.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { Workspace } from '../../src/core/workspace.ts';
import type { FusionStatus } from '../../src/ui/FusionNotice.tsx';
import { MemoryVendor } from '../core/support/memory-vendor.ts';

describe('FusionLink', () => {
  it('does not try Fusion when the page is not framed, says so, and has no trust token to give', async () => {
    const link = new FusionLink({
      config: parseToolbarConfig({}, ''),
      contacts: new CrmContacts(),
      labels: () => ({ stateDisplayString: '', reasonDisplayString: '' }),
      logger: silentLogger,
      framed: false,
    });
    const seen: FusionStatus[] = [];
    link.subscribe((status) => seen.push(status));
    expect(link.get()).toEqual({ kind: 'starting' });

    await link.start(new Workspace({ vendor: new MemoryVendor(), newEventId: () => crypto.randomUUID() }));

    expect(seen).toEqual([{ kind: 'notFramed' }]);
    expect(link.get()).toEqual({ kind: 'notFramed' });
    expect(await link.trustToken()).toBeUndefined();
  });
});
