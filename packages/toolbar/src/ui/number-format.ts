import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

/**
 * Phone numbers as the agent reads them: in the national format of the agent's region
 * ("(415) 555-0142"), in the international one otherwise ("+44 20 7946 0018"); anything that is no
 * valid number (an extension, a DN, a queue's name) as it came. The views load this module on
 * demand (`useNumberFormat`), so the phone-number metadata stays out of the toolbar's initial JS;
 * the Fusion adapter already loads the same library.
 */
export function formatPhoneNumber(number: string, region: string): string {
  const parsed = parsePhoneNumberFromString(number, region as CountryCode);
  if (!parsed?.isValid()) return number;
  return parsed.country === region ? parsed.formatNational() : parsed.formatInternational();
}
