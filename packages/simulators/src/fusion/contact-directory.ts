import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import * as z from 'zod/mini';
import type { TokenRecord } from '../wire/uef-message.ts';

/**
 * The simulated Fusion contact directory: what the reverse lookup on newCommEvent finds by SVCMCA_ANI
 * (Fusion does this with its Lookup Filters, uef.md §3.5), and the contacts whose numbers are
 * click-to-dial links. The sample data lives in contacts.json.
 */

const serviceRequestSchema = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  status: z.string(),
});

const contactSchema = z.object({
  partyId: z.string(),
  partyNumber: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  jobTitle: z.string(),
  email: z.string(),
  /** E.164, with the leading "+". */
  phone: z.string().check(z.regex(/^\+[0-9]{6,15}$/)),
  organization: z.object({ id: z.string(), name: z.string() }),
  serviceRequests: z.array(serviceRequestSchema),
});

export const contactDirectorySchema = z.object({ contacts: z.array(contactSchema) });

export type ServiceRequest = z.infer<typeof serviceRequestSchema>;
export type Contact = z.infer<typeof contactSchema>;
export type ContactDirectory = z.infer<typeof contactDirectorySchema>;

export function parseContactDirectory(input: unknown): ContactDirectory {
  return contactDirectorySchema.parse(input);
}

export function fullName(contact: Contact): string {
  return `${contact.firstName} ${contact.lastName}`;
}

/** Digits only, without an international "00" prefix: "+1 (415) 555-0142" → "14155550142". */
export function digitsOf(number: string): string {
  return number.replace(/[^0-9]/g, '').replace(/^00/, '');
}

/**
 * The number in E.164 ("+14155550142"), the form Fusion stores and sends: read as international,
 * with or without its "+" or "00"; undefined when it is no possible phone number (an extension, a queue).
 */
export function toE164(number: string): string | undefined {
  const digits = digitsOf(number);
  if (digits.length < 6) return undefined;
  const parsed = parsePhoneNumberFromString(`+${digits}`);
  return parsed?.isPossible() ? parsed.number : undefined;
}

/** The number as Fusion shows it: "+14155550142" → "+1 415 555 0142", "+442079460018" → "+44 20 7946 0018". */
export function formatNumber(number: string): string {
  const e164 = toE164(number);
  return (e164 && parsePhoneNumberFromString(e164)?.formatInternational()) ?? number;
}

/**
 * Reverse lookup: the contact whose phone is the same E.164 number, or, when the number lacks its
 * country code, whose national number (at least 10 digits) it is.
 */
export function lookupByNumber(directory: ContactDirectory, number: string): Contact | undefined {
  const wanted = toE164(number);
  const exact = wanted ? directory.contacts.find((c) => c.phone === wanted) : undefined;
  if (exact) return exact;
  const digits = digitsOf(number);
  if (digits.length < 10) return undefined;
  return directory.contacts.find((c) => {
    const phone = digitsOf(c.phone);
    const [shorter, longer] = phone.length < digits.length ? [phone, digits] : [digits, phone];
    return shorter.length >= 10 && longer.endsWith(shorter);
  });
}

export function lookupByPartyId(directory: ContactDirectory, partyId: string): Contact | undefined {
  return directory.contacts.find((c) => c.partyId === partyId);
}

const CLOSED_STATUSES = new Set(['Resolved', 'Closed']);

/** The SR the call is about: the one numbered in the call data, else the contact's first open one. */
export function serviceRequestFor(contact: Contact, srNumber: string | undefined): ServiceRequest | undefined {
  const named = srNumber ? contact.serviceRequests.find((sr) => sr.number === srNumber) : undefined;
  return named ?? contact.serviceRequests.find((sr) => !CLOSED_STATUSES.has(sr.status));
}

/** The reverse-lookup tokens Fusion returns in the newComm outData for a matched contact (uef.md §5). */
export function contactTokens(contact: Contact, serviceRequest: ServiceRequest | undefined): TokenRecord {
  const tokens: TokenRecord = {
    SVCMCA_CONTACT_ID: contact.partyId,
    SVCMCA_CONTACT_NUMBER: contact.partyNumber,
    SVCMCA_CONTACT_NAME: fullName(contact),
    SVCMCA_CONTACT_FIRST_NAME: contact.firstName,
    SVCMCA_CONTACT_LAST_NAME: contact.lastName,
    SVCMCA_DISPLAY_NAME: fullName(contact),
    SVCMCA_EMAIL: contact.email,
    SVCMCA_CONTACT_PRIMARY_PHONE: contact.phone,
    SVCMCA_CONTACT_ORG_ID: contact.organization.id,
    SVCMCA_CONTACT_PRIM_ORG_NAME: contact.organization.name,
  };
  if (serviceRequest) {
    Object.assign(tokens, {
      SVCMCA_SR_ID: serviceRequest.id,
      SVCMCA_SR_NUM: serviceRequest.number,
      SVCMCA_INTERACTION_REF_OBJ_TYPE: 'SVC_SERVICE_REQUESTS',
      SVCMCA_INTERACTION_REF_OBJ_ID: serviceRequest.id,
    });
  }
  return tokens;
}
