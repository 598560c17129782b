import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { command, readyAgent, startBridge } from '../harness.ts';
import type { TestBridge } from '../harness.ts';
import { LEVEL, LogCapture } from './log-capture.ts';
import { rawExchange, rawRequest } from './raw-http.ts';

/** Every answer the bridge gives has the catalog's shape and code; a client's own trouble is not the bridge's error. */

let t: TestBridge;
afterEach(async () => {
  await t.close();
});

/** The catalog body of a raw HTTP answer (status line, headers, JSON body). */
function parseRaw(answer: string): { status: number; body: Record<string, unknown> } {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  return { status: Number(/^HTTP\/1\.1 (\d{3}) /.exec(head)?.[1]), body: JSON.parse(body) as Record<string, unknown> };
}

function pages(): string {
  const root = mkdtempSync(join(tmpdir(), 'ctikit-pages-'));
  mkdirSync(join(root, 'toolbar'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>demo</title>');
  writeFileSync(join(root, 'toolbar', 'index.html'), '<!doctype html><title>toolbar</title>');
  return root;
}

describe('a client that aborts mid-body', () => {
  it('gets no EventError on its sockets and leaves a debug line, not an error', async () => {
    const logs = new LogCapture();
    t = await startBridge({ logLevel: 'debug', logDestination: logs });
    const alex = await readyAgent(t, 'agent1');
    await new Promise<void>((resolve) => {
      const socket = connect(Number(new URL(t.url).port), '127.0.0.1', () => {
        socket.write(
          'POST /genesys/events HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Agent-Id: agent1\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"type":"Rea',
        );
        setImmediate(() => {
          socket.destroy();
          resolve();
        });
      });
    });
    const aborted = await logs.next((line) => line.msg === 'the client aborted the request');
    expect(aborted).toMatchObject({ level: LEVEL.debug, agentId: 'agent1' });
    const after = await command(t, 'agent1', { type: 'Hold', connectionId: 'no-such-call' }, { 'x-reference-id': 'after-abort' });
    expect(after.status).toBe(404);
    expect(await alex.next('EventError')).toMatchObject({ referenceId: 'after-abort', errorCode: 'INVALID_CONNECTION_ID' });
    expect(logs.atLeast(LEVEL.error)).toEqual([]);
  });
});

describe('answers Fastify and ws would give in their own words', () => {
  it('bad percent-encoding and an over-long path parameter: 400 MALFORMED_REQUEST', async () => {
    t = await startBridge();
    for (const path of ['/sim/agents/%E0%A4%A/state', '/genesys/%zz', `/sim/calls/${'x'.repeat(200)}/hangup`]) {
      const answer = await rawRequest(t.url, { method: 'POST', path, headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(answer.status, path).toBe(400);
      expect(JSON.parse(answer.text), path).toMatchObject({ ok: false, error: { code: 'MALFORMED_REQUEST', message: expect.any(String) } });
    }
  });

  it('a malformed WebSocket upgrade (key, version, method): 400 MALFORMED_REQUEST in the catalog body', async () => {
    t = await startBridge();
    const base = {
      host: '127.0.0.1',
      connection: 'Upgrade',
      upgrade: 'websocket',
      'sec-websocket-version': '13',
      'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
    };
    const cases: Array<[string, Record<string, string>]> = [
      ['GET', { ...base, 'sec-websocket-key': 'short' }],
      ['GET', { ...base, 'sec-websocket-version': '12' }],
      ['GET', { ...base, upgrade: 'h2c' }],
      ['POST', base],
    ];
    for (const [method, headers] of cases) {
      const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
      const answer = parseRaw(await rawExchange(t.url, `${method} /genesysWs?agentId=agent1 HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`));
      expect(answer, JSON.stringify(headers)).toMatchObject({ status: 400, body: { ok: false, error: { code: 'MALFORMED_REQUEST' } } });
    }
  });

  it('a request the HTTP parser cannot read: 400 MALFORMED_REQUEST', async () => {
    t = await startBridge();
    const answer = parseRaw(await rawExchange(t.url, 'GET / HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n'));
    expect(answer).toMatchObject({ status: 400, body: { ok: false, error: { code: 'MALFORMED_REQUEST' } } });
    expect((await rawRequest(`${t.url}/healthz`)).status).toBe(200);
  });
});

describe('static pages', () => {
  it('a path that climbs out of the folder is 403 PATH_NOT_ALLOWED, a missing file 404 NOT_FOUND, each logged at debug only', async () => {
    const logs = new LogCapture();
    const root = pages();
    t = await startBridge({
      logLevel: 'debug',
      logDestination: logs,
      staticDirs: [
        { dir: root, prefix: '/' },
        { dir: join(root, 'toolbar'), prefix: '/toolbar/' },
      ],
    });
    for (const path of ['/%2e%2e/%2e%2e/etc/passwd', '/toolbar/..%2f..%2fpackage.json']) {
      const answer = await rawRequest(t.url, { path });
      expect(answer.status, path).toBe(403);
      expect(JSON.parse(answer.text), path).toMatchObject({ ok: false, error: { code: 'PATH_NOT_ALLOWED' } });
    }
    const missing = await rawRequest(t.url, { path: '/toolbar/no-such-file.js' });
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.text)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await rawRequest(t.url, { path: '/toolbar/' })).text).toContain('<title>toolbar</title>');
    await logs.next((line) => line.outcome === 'NOT_FOUND');
    expect(logs.lines.filter((line) => line.outcome === 'PATH_NOT_ALLOWED').map((line) => line.level)).toEqual([LEVEL.debug, LEVEL.debug]);
    expect(logs.atLeast(LEVEL.info).filter((line) => typeof line.outcome === 'string')).toEqual([]);
    expect(logs.atLeast(LEVEL.error)).toEqual([]);
  });
});

describe('request logs', () => {
  it('are debug lines, so a polling page leaves nothing at info', async () => {
    const logs = new LogCapture();
    t = await startBridge({ logLevel: 'debug', logDestination: logs });
    for (let poll = 0; poll < 3; poll += 1) expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    const completed = await logs.next((line) => line.msg === 'request completed');
    expect(completed).toMatchObject({ level: LEVEL.debug, req: { method: 'GET', url: '/healthz' }, res: { statusCode: 200 } });
    expect(logs.lines.filter((line) => line.msg === 'request completed')).toHaveLength(3);
    expect(logs.atLeast(LEVEL.info).filter((line) => /request|incoming/.test(line.msg))).toEqual([]);
  });
});
