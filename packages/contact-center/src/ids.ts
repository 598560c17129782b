/**
 * Call identifiers, counter-based so that a run is repeatable: the same requests in the same order
 * give the same ConnIDs and CallUUIDs.
 *
 * - ConnID: 16 lowercase hex digits, like T-Server's `0071022ec8ac8056`.
 * - CallUUID: 32 characters of [0-9A-Z], call-wide; a consultation is a call of its own and gets its own.
 */
export interface CallIds {
  connectionId: string;
  callUuid: string;
}

const CONN_ID_SITE = '0071';

export class CallIdGenerator {
  private issued = 0;

  next(): CallIds {
    this.issued += 1;
    const connectionId = CONN_ID_SITE + this.issued.toString(16).padStart(16 - CONN_ID_SITE.length, '0');
    const callUuid = `CK${this.issued.toString(36).toUpperCase().padStart(30, '0')}`;
    return { connectionId, callUuid };
  }
}
