import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_REGISTRY, ERROR_REGISTRY_CODES, EXTENSION_ERRORS, TOOLBAR_ERRORS, WIRE_ERRORS, errorMessage, isCtiErrorCode } from '../src/errors.ts';

/** docs/errors.md lists the error registry: every code once, with its message, under its family. */
const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');

function rows(title: string): Map<string, string> {
  const start = doc.indexOf(`\n## ${title}`);
  const end = doc.indexOf('\n## ', start + 1);
  const section = doc.slice(start, end === -1 ? undefined : end);
  const found = new Map<string, string>();
  for (const match of section.matchAll(/^\| `([A-Z_]+)` \| (.*) \|$/gm)) found.set(match[1] as string, (match[2] as string).replaceAll('\\|', '|'));
  return found;
}

describe('the error registry', () => {
  it.each([
    ['Wire codes', WIRE_ERRORS],
    ['Toolbar codes', TOOLBAR_ERRORS],
    ['Web extension codes', EXTENSION_ERRORS],
  ] as const)('docs/errors.md § %s lists every code of the family with its message, and no other', (title, family) => {
    expect(Object.fromEntries(rows(title))).toEqual(family);
  });

  it('has no code in two families', () => {
    const total = Object.keys(WIRE_ERRORS).length + Object.keys(TOOLBAR_ERRORS).length + Object.keys(EXTENSION_ERRORS).length;
    expect(ERROR_REGISTRY_CODES).toHaveLength(total);
  });

  it('answers the message of a code, and tells codes from other strings', () => {
    expect(errorMessage('INVALID_CALL_STATE')).toBe(ERROR_REGISTRY.INVALID_CALL_STATE);
    expect(isCtiErrorCode('NOT_ALLOWED')).toBe(true);
    expect(isCtiErrorCode('toString')).toBe(false);
    expect(isCtiErrorCode(42)).toBe(false);
  });
});
