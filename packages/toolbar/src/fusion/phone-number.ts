/**
 * Phone numbers between Fusion and the contact center stay in E.164 ("+14155550142"): Fusion's
 * reverse lookup matches the number as it stores it, and the contact center dials and presents it
 * as given. The phone-number metadata (libphonenumber-js, ~30 KB gzip) is a chunk of its own, loaded
 * on the first click-to-dial or once the Fusion adapter has started (`preloadPhoneNumbers`), never
 * on the start-up path.
 */
type PhoneNumbers = typeof import('libphonenumber-js/min');

let phoneNumbers: Promise<PhoneNumbers> | undefined;

/** Load the metadata now (once): the adapter warms it after start-up, so a click-to-dial does not wait. */
export function preloadPhoneNumbers(): Promise<PhoneNumbers> {
  phoneNumbers ??= import('libphonenumber-js/min');
  phoneNumbers.catch(() => {
    phoneNumbers = undefined;
  });
  return phoneNumbers;
}

/**
 * The number to dial for one Fusion sent: an international number ("+1 (415) 555-0142",
 * "0044 20 7946 0018") in E.164; anything else (an extension, a number with a dial prefix) as it
 * came, trimmed, for the contact center to judge.
 */
export async function dialableNumber(number: string): Promise<string> {
  const trimmed = number.trim();
  const international = trimmed.startsWith('00') ? `+${trimmed.slice(2)}` : trimmed;
  if (!international.startsWith('+')) return trimmed;
  const { parsePhoneNumberFromString } = await preloadPhoneNumbers();
  const parsed = parsePhoneNumberFromString(international);
  return parsed?.isPossible() ? parsed.number : trimmed;
}
