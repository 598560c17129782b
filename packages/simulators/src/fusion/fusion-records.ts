import type { ContactDirectory } from './contact-directory.ts';
import { fullName } from './contact-directory.ts';

/**
 * The records Fusion opens in its tabs (PopOperation, uef.md §9): service requests (by SR number or
 * id), contacts (party id or number) and accounts (organization id), each with the field values a
 * record context reads (`cxEventBusGetFieldValueOperation`) under Fusion's `Object.Field` names.
 */

export const RECORD_TYPES = ['ServiceRequest', 'Contact', 'Account'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export interface FusionRecord {
  recordType: RecordType;
  recordId: string;
  title: string;
  fields: Record<string, string>;
}

export function isRecordType(value: string): value is RecordType {
  return (RECORD_TYPES as readonly string[]).includes(value);
}

/** The record of that type and id, or undefined when Fusion has none. */
export function findRecord(directory: ContactDirectory, recordType: RecordType, recordId: string): FusionRecord | undefined {
  for (const contact of directory.contacts) {
    switch (recordType) {
      case 'ServiceRequest': {
        const sr = contact.serviceRequests.find((candidate) => candidate.number === recordId || candidate.id === recordId);
        if (sr) {
          return {
            recordType,
            recordId: sr.number,
            title: `${sr.number} · ${sr.title}`,
            fields: {
              'ServiceRequest.SrId': sr.id,
              'ServiceRequest.SrNumber': sr.number,
              'ServiceRequest.Title': sr.title,
              'ServiceRequest.StatusCd': sr.status,
              'ServiceRequest.PrimaryContactPartyId': contact.partyId,
              'ServiceRequest.PrimaryContactPartyName': fullName(contact),
            },
          };
        }
        break;
      }
      case 'Contact':
        if (contact.partyId === recordId || contact.partyNumber === recordId) {
          return {
            recordType,
            recordId: contact.partyId,
            title: fullName(contact),
            fields: {
              'Contact.PartyId': contact.partyId,
              'Contact.PartyNumber': contact.partyNumber,
              'Contact.PartyName': fullName(contact),
              'Contact.JobTitle': contact.jobTitle,
              'Contact.EmailAddress': contact.email,
              'Contact.PrimaryPhoneNumber': contact.phone,
              'Contact.AccountName': contact.organization.name,
            },
          };
        }
        break;
      case 'Account':
        if (contact.organization.id === recordId) {
          return {
            recordType,
            recordId,
            title: contact.organization.name,
            fields: { 'Account.PartyId': recordId, 'Account.OrganizationName': contact.organization.name },
          };
        }
        break;
    }
  }
  return undefined;
}

/** A create page: the record type with empty fields, no id until saved. */
export function newRecord(recordType: RecordType): FusionRecord {
  const titles: Record<RecordType, string> = { ServiceRequest: 'Create Service Request', Contact: 'Create Contact', Account: 'Create Account' };
  return { recordType, recordId: '', title: titles[recordType], fields: {} };
}
