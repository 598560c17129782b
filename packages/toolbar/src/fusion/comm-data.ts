import type { CrmContact } from '../core/crm-contacts.ts';
import type { EndCause, Interaction } from '../core/interaction.ts';
import type { CloseReason } from './fusion-publisher.ts';
import type { TokenRecord } from './uef-responses.ts';

/**
 * The data of the comm events, in Fusion's tokens (uef.md §6): what newCommEvent says about a call,
 * which closeCommEvent reason an end cause is, and what a reverse lookup found.
 */

/** newCommEvent inData: direction, the customer's number, and what Fusion already sent (click-to-dial). */
export function commInData(interaction: Interaction, carried: TokenRecord, offerTimeoutSec: number): TokenRecord {
  const inbound = interaction.direction !== 'outbound' && interaction.state !== 'dialing';
  return {
    ...carried,
    SVCMCA_COMMUNICATION_DIRECTION: inbound ? 'ORA_SVC_INBOUND' : 'ORA_SVC_OUTBOUND',
    SVCMCA_ANI: carried.SVCMCA_ANI ?? interaction.phoneNumber,
    phoneLineId: '1',
    ...(inbound ? { callStatus: 'INCOMING' } : {}),
    ...(inbound && offerTimeoutSec > 0 ? { SVCMCA_OFFER_TIMEOUT_SEC: String(offerTimeoutSec) } : {}),
    ...(interaction.dnis ? { SVCMCA_DNIS: interaction.dnis } : {}),
  };
}

/** closeCommEvent's reason for how the interaction ended (uef.md §3.7, §7). */
export function closeReasonFor(cause: EndCause, timedOut: boolean): CloseReason {
  if (timedOut && (cause.kind === 'rejected' || cause.kind === 'missed')) return 'TIMEOUT';
  switch (cause.kind) {
    case 'completed':
    case 'transferred':
      return 'WRAPUP';
    case 'rejected':
      return 'REJECT';
    case 'abandoned':
      return 'ABANDONED';
    case 'timeout':
      return 'TIMEOUT';
    case 'canceled':
      return 'CANCELED';
    case 'missed':
    case 'failed':
      return 'MISSED';
  }
}

/** The contact a reverse lookup (newComm outData, CUSTOMER_DATA) identified. */
export function contactFrom(outData: TokenRecord): CrmContact {
  const name = outData.SVCMCA_CONTACT_NAME ?? outData.SVCMCA_DISPLAY_NAME;
  const organization = outData.SVCMCA_CONTACT_PRIM_ORG_NAME ?? outData.SVCMCA_ORG_NAME;
  return {
    ...(outData.SVCMCA_CONTACT_ID ? { contactId: outData.SVCMCA_CONTACT_ID } : {}),
    ...(name ? { name } : {}),
    ...(organization ? { organization } : {}),
  };
}
