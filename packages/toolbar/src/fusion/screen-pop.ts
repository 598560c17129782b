import type { AttachedData } from '../core/interaction.ts';

/**
 * Screen pop beyond the reverse lookup: the call's attached data may name a Fusion record (the IVR
 * or a transferring colleague attached the service request number, the contact's or the account's
 * id). Each rule names an attached-data key and the record type Fusion opens for its value; the
 * first rule whose key the call carries wins.
 */
export interface ScreenPopRule {
  readonly key: string;
  readonly recordType: string;
}

/** The record to open in Fusion (PopOperation: setRecordType, setRecordId). */
export interface ScreenPopRecord {
  readonly recordType: string;
  readonly recordId: string;
}

/** The keys a deployment gets unless its config.json says otherwise. */
export const DEFAULT_SCREEN_POP_RULES: readonly ScreenPopRule[] = [
  { key: 'SRNumber', recordType: 'ServiceRequest' },
  { key: 'ContactPartyId', recordType: 'Contact' },
  { key: 'AccountPartyId', recordType: 'Account' },
];

export function screenPopRecord(userData: AttachedData, rules: readonly ScreenPopRule[]): ScreenPopRecord | undefined {
  for (const { key, recordType } of rules) {
    if (!Object.hasOwn(userData, key)) continue;
    const recordId = String(userData[key]).trim();
    if (recordId !== '') return { recordType, recordId };
  }
  return undefined;
}
