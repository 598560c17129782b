import { describe, expect, it } from 'vitest';
import { directoryEntry, searchDirectory } from '../../src/core/directory.ts';
import type { TransferDestination } from '../../src/core/outcome.ts';

const DIRECTORY: readonly TransferDestination[] = [
  { name: 'Alex Morgan', kind: 'agent', phoneNumber: '5001', state: 'ready' },
  { name: 'Kenji Sato', kind: 'agent', phoneNumber: '5002', state: 'busy' },
  { name: 'Maria Lopez', kind: 'agent', phoneNumber: '5003', state: 'notReady' },
  { name: 'Support', kind: 'queue', phoneNumber: '8000' },
  { name: 'Sales', kind: 'queue', phoneNumber: '8001' },
  { name: 'Escalations desk', kind: 'phoneNumber', phoneNumber: '+15550100200' },
];

const names = (found: readonly TransferDestination[]) => found.map((entry) => entry.name);

describe('searchDirectory', () => {
  it('finds names by their start or a word’s start, case-insensitively', () => {
    expect(names(searchDirectory(DIRECTORY, 'ken'))).toEqual(['Kenji Sato']);
    expect(names(searchDirectory(DIRECTORY, 'SATO'))).toEqual(['Kenji Sato']);
    expect(names(searchDirectory(DIRECTORY, 'su'))).toEqual(['Support']);
  });

  it('ranks a match at the start of a name or word before one inside it', () => {
    expect(names(searchDirectory(DIRECTORY, 'al'))).toEqual(['Alex Morgan', 'Sales', 'Escalations desk']);
    expect(names(searchDirectory(DIRECTORY, 's'))).toEqual(['Kenji Sato', 'Support', 'Sales', 'Escalations desk']);
    expect(names(searchDirectory(DIRECTORY, 'la'))).toEqual(['Escalations desk']);
    expect(names(searchDirectory(DIRECTORY, 'a'))).toEqual(['Alex Morgan', 'Kenji Sato', 'Maria Lopez', 'Sales', 'Escalations desk']);
  });

  it('finds numbers by their digits, whatever formatting is typed', () => {
    expect(names(searchDirectory(DIRECTORY, '500'))).toEqual(['Alex Morgan', 'Kenji Sato', 'Maria Lopez']);
    expect(names(searchDirectory(DIRECTORY, '+1 (555) 010-02'))).toEqual(['Escalations desk']);
    expect(names(searchDirectory(DIRECTORY, '0100200'))).toEqual(['Escalations desk']);
  });

  it('lists everything for an empty search, in the vendor’s order, and nothing for no match', () => {
    expect(names(searchDirectory(DIRECTORY, '  '))).toEqual(names(DIRECTORY));
    expect(searchDirectory(DIRECTORY, 'zz')).toEqual([]);
    expect(searchDirectory(DIRECTORY, '999')).toEqual([]);
  });

  it('keeps to the limit', () => {
    expect(searchDirectory(DIRECTORY, '', 2)).toHaveLength(2);
  });
});

describe('directoryEntry', () => {
  it('names a DN or a number, by its digits', () => {
    expect(directoryEntry(DIRECTORY, '5002')?.name).toBe('Kenji Sato');
    expect(directoryEntry(DIRECTORY, '+1 555 010 0200')?.name).toBe('Escalations desk');
    expect(directoryEntry(DIRECTORY, '5009')).toBeUndefined();
    expect(directoryEntry(DIRECTORY, '')).toBeUndefined();
  });
});
