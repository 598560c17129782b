import { describe, expect, it } from 'vitest';
import { closeReasonFor, commInData, contactFrom } from '../../src/fusion/comm-data.ts';
import type { Interaction } from '../../src/core/interaction.ts';

const offered: Interaction = {
  eventId: 'e1',
  state: 'offered',
  direction: 'inbound',
  phoneNumber: '4155550123',
  dnis: '8000',
  userData: {},
  parties: ['4155550123', '5001'],
  recordingState: 'stopped',
  offeredAt: 0,
  held: false,
  muted: false,
};

describe('Fusion comm data', () => {
  it('says an offered call is inbound, with the ANI, the offer timer and INCOMING status', () => {
    expect(commInData(offered, {}, 20)).toEqual({
      SVCMCA_COMMUNICATION_DIRECTION: 'ORA_SVC_INBOUND',
      SVCMCA_ANI: '4155550123',
      SVCMCA_DNIS: '8000',
      SVCMCA_OFFER_TIMEOUT_SEC: '20',
      callStatus: 'INCOMING',
      phoneLineId: '1',
    });
  });

  it('says a dialing call is outbound and keeps what click-to-dial sent', () => {
    const dialing: Interaction = { ...offered, state: 'dialing', direction: 'outbound', dnis: undefined };
    const carried = { SVCMCA_ANI: '+1 415 555 0199', SVCMCA_CONTACT_ID: '300100' };
    expect(commInData(dialing, carried, 20)).toEqual({
      SVCMCA_COMMUNICATION_DIRECTION: 'ORA_SVC_OUTBOUND',
      SVCMCA_ANI: '+1 415 555 0199',
      SVCMCA_CONTACT_ID: '300100',
      phoneLineId: '1',
    });
  });

  it.each([
    [{ kind: 'completed' } as const, false, 'WRAPUP'],
    [{ kind: 'transferred' } as const, false, 'WRAPUP'],
    [{ kind: 'rejected' } as const, false, 'REJECT'],
    [{ kind: 'rejected' } as const, true, 'TIMEOUT'],
    [{ kind: 'abandoned' } as const, false, 'ABANDONED'],
    [{ kind: 'missed' } as const, false, 'MISSED'],
    [{ kind: 'timeout' } as const, false, 'TIMEOUT'],
    [{ kind: 'canceled' } as const, false, 'CANCELED'],
    [{ kind: 'failed', code: 'TERMINATING_PARTY_BUSY', message: 'busy' } as const, false, 'MISSED'],
  ])('closes %o (timed out: %s) with %s', (cause, timedOut, reason) => {
    expect(closeReasonFor(cause, timedOut)).toBe(reason);
  });

  it('reads the contact a reverse lookup found, and nothing for an unknown caller', () => {
    expect(contactFrom({ SVCMCA_CONTACT_ID: '1', SVCMCA_CONTACT_NAME: 'Ana Ruiz', SVCMCA_CONTACT_PRIM_ORG_NAME: 'Acme' })).toEqual({
      contactId: '1',
      name: 'Ana Ruiz',
      organization: 'Acme',
    });
    expect(contactFrom({})).toEqual({});
  });
});
