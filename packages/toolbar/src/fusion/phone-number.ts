import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * Phone numbers between Fusion and the contact center stay in E.164 ("+14155550142"): Fusion's
 * reverse lookup matches the number as it stores it, and the contact center dials and presents it
 * as given. Only the fusion chunk loads this (the phone-number metadata stays out of the initial JS).
 */

/**
 * The number to dial for one Fusion sent: an international number ("+1 (415) 555-0142",
 * "0044 20 7946 0018") in E.164; anything else (an extension, a number with a dial prefix) as it
 * came, trimmed, for the contact center to judge.
 */
export function dialableNumber(number: string): string {
  const trimmed = number.trim();
  const international = trimmed.startsWith('00') ? `+${trimmed.slice(2)}` : trimmed;
  if (!international.startsWith('+')) return trimmed;
  const parsed = parsePhoneNumberFromString(international);
  return parsed?.isPossible() ? parsed.number : trimmed;
}
