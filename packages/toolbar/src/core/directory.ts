import type { TransferDestination } from './outcome.ts';

/**
 * The contact center's directory as the toolbar uses it: the destinations the vendor lists
 * (`model.transferDestinations`) searched as the agent types in the transfer panel, and the name of
 * a number that is one of them (the consulted colleague "Kenji Sato" rather than "5002").
 */

/** Digits only, for matching a number typed with its formatting ("+1 (555) 010-0001"). */
function digitsOf(text: string): string {
  return text.replace(/[^0-9]/g, '');
}

/** How well an entry matches a search: 0 the best (its name or number starts with it), 1 a match inside, undefined none. */
function rank(destination: TransferDestination, term: string, digits: string): number | undefined {
  const name = destination.name.toLocaleLowerCase();
  const words = name.split(/\s+/);
  if (name.startsWith(term) || words.some((word) => word.startsWith(term))) return 0;
  const number = destination.phoneNumber !== undefined ? digitsOf(destination.phoneNumber) : '';
  if (digits !== '' && number.startsWith(digits)) return 0;
  if (name.includes(term)) return 1;
  if (digits !== '' && number.includes(digits)) return 1;
  return undefined;
}

/**
 * The destinations matching what the agent typed, best first (a name, a word of it or the number
 * starting with it, before a match inside them), at most `limit`. Case-insensitive; a number matches
 * whatever its formatting. An empty search lists them all, in the vendor's order.
 */
export function searchDirectory(destinations: readonly TransferDestination[], search: string, limit = 8): readonly TransferDestination[] {
  const term = search.trim().toLocaleLowerCase();
  if (term === '') return destinations.slice(0, limit);
  const digits = /^[+0-9\s().-]+$/.test(term) ? digitsOf(term) : '';
  return destinations
    .map((destination, index) => ({ destination, index, rank: rank(destination, term, digits) }))
    .filter((entry): entry is { destination: TransferDestination; index: number; rank: number } => entry.rank !== undefined)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .slice(0, limit)
    .map((entry) => entry.destination);
}

/** The directory's entry for a number (a DN, a quick connect's number), if it lists one. */
export function directoryEntry(destinations: readonly TransferDestination[], number: string): TransferDestination | undefined {
  if (number === '') return undefined;
  const digits = digitsOf(number);
  return destinations.find(
    (destination) =>
      destination.phoneNumber !== undefined && (destination.phoneNumber === number || (digits !== '' && digitsOf(destination.phoneNumber) === digits)),
  );
}
