import { describe, expect, it } from 'vitest';
import contacts from '../src/fusion/contacts.json';
import { contactTokens, formatNumber, lookupByNumber, toE164, parseContactDirectory, serviceRequestFor } from '../src/fusion/contact-directory.ts';

const directory = parseContactDirectory(contacts);

describe('contact directory reverse lookup', () => {
  it('finds a contact whatever the number formatting', () => {
    for (const ani of ['+14155550142', '14155550142', '+1 (415) 555-0142', '0014155550142']) {
      expect(lookupByNumber(directory, ani)?.lastName, ani).toBe('Bennett');
    }
  });

  it('matches a national number against a stored international one', () => {
    expect(lookupByNumber(directory, '4155550142')?.lastName).toBe('Bennett');
    expect(lookupByNumber(directory, '2079460018')?.lastName).toBe('Keller');
  });

  it('finds nobody for an unknown, a short or an empty number', () => {
    expect(lookupByNumber(directory, '+15550000000')).toBeUndefined();
    expect(lookupByNumber(directory, '0142')).toBeUndefined();
    expect(lookupByNumber(directory, '')).toBeUndefined();
  });

  it('picks the SR named in the call data, else the first open one', () => {
    const olivia = lookupByNumber(directory, '14155550142');
    expect(olivia).toBeDefined();
    expect(serviceRequestFor(olivia!, 'SR0001198')?.number).toBe('SR0001198');
    expect(serviceRequestFor(olivia!, undefined)?.number).toBe('SR0001234');
    expect(serviceRequestFor(lookupByNumber(directory, '442079460018')!, undefined)).toBeUndefined();
  });

  it('builds the reverse-lookup tokens Fusion returns as outData', () => {
    const daniel = lookupByNumber(directory, '13125550187')!;
    expect(contactTokens(daniel, serviceRequestFor(daniel, undefined))).toEqual({
      SVCMCA_CONTACT_ID: '300100123450002',
      SVCMCA_CONTACT_NUMBER: 'CDRM_10002',
      SVCMCA_CONTACT_NAME: 'Daniel Okafor',
      SVCMCA_CONTACT_FIRST_NAME: 'Daniel',
      SVCMCA_CONTACT_LAST_NAME: 'Okafor',
      SVCMCA_DISPLAY_NAME: 'Daniel Okafor',
      SVCMCA_EMAIL: 'd.okafor@contoso-health.example',
      SVCMCA_CONTACT_PRIMARY_PHONE: '+13125550187',
      SVCMCA_CONTACT_ORG_ID: '300100123460002',
      SVCMCA_CONTACT_PRIM_ORG_NAME: 'Contoso Health',
      SVCMCA_SR_ID: '300100123470003',
      SVCMCA_SR_NUM: 'SR0001301',
      SVCMCA_INTERACTION_REF_OBJ_TYPE: 'SVC_SERVICE_REQUESTS',
      SVCMCA_INTERACTION_REF_OBJ_ID: '300100123470003',
    });
  });

  it('reads numbers as E.164 and formats them for display', () => {
    expect(toE164('+1 (415) 555-0142')).toBe('+14155550142');
    expect(toE164('0014155550142')).toBe('+14155550142');
    expect(toE164('442079460018')).toBe('+442079460018');
    expect(toE164('8000')).toBeUndefined();
    expect(formatNumber('14155550142')).toBe('+1 415 555 0142');
    expect(formatNumber('+442079460018')).toBe('+44 20 7946 0018');
    expect(formatNumber('8000')).toBe('8000');
  });

  it('refuses a directory file with a malformed number', () => {
    const broken = { contacts: [{ ...contacts.contacts[0], phone: '415-555' }] };
    expect(() => parseContactDirectory(broken)).toThrow();
  });
});
