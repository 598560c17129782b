import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, ERROR_CATALOG, ERROR_CODES, TSERVER_EVENT_NAMES } from '@ctikit/protocol';

/** docs/protocol.md is the protocol reference: it must list every error code, command and event. */

const doc = readFileSync(new URL('../../../docs/protocol.md', import.meta.url), 'utf8');

function section(title: string): string {
  const start = doc.indexOf(`\n## ${title}`);
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end === -1 ? undefined : end);
}

describe('docs/protocol.md', () => {
  it('has a row in the error table for every code in ERROR_CATALOG, with its HTTP status and T-Library number, and no other', () => {
    const rows = new Map<string, { status: number; tserver: string }>();
    for (const match of section('Errors').matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \|\s*(\d*)\s*\|/gm)) {
      rows.set(match[1] as string, { status: Number(match[2]), tserver: match[3] as string });
    }
    expect([...rows.keys()].sort()).toEqual([...ERROR_CODES].sort());
    for (const code of ERROR_CODES) {
      const entry = ERROR_CATALOG[code];
      const tserver = 'tserverErrorCode' in entry ? String(entry.tserverErrorCode) : '';
      expect(rows.get(code), code).toEqual({ status: entry.status, tserver });
    }
  });

  it('documents every command type and every T-Server event name', () => {
    const commands = section('Commands: `POST /genesys/events`');
    for (const type of COMMAND_TYPES) expect(commands, type).toContain(`\`${type}\``);
    const events = section('Events: `GET /genesysWs`');
    for (const name of TSERVER_EVENT_NAMES) expect(events, name).toContain(`\`${name}\``);
  });
});
