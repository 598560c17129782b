import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ClientSocket, command, health, http, readyAgent, startBridge, talking, until } from './harness.ts';
import type { TestBridge } from './harness.ts';

/** Health, metrics and the static folders. */

let t: TestBridge;
afterEach(async () => {
  await t.close();
});

describe('/healthz', () => {
  it('reports the backend, sessions and sockets', async () => {
    t = await startBridge();
    await readyAgent(t, 'agent1');
    await ClientSocket.agent(t, { agentId: 'agent1' });
    expect(await http(`${t.url}/healthz`)).toMatchObject({
      status: 200,
      body: { status: 'ok', mode: 'dev', backend: { status: 'ok', agents: 4 }, sessions: 1, sockets: 2 },
    });
  });
});

describe('socket and replay totals', () => {
  it('follow sockets joining and leaving and sessions expiring, as /healthz and /metrics report them', async () => {
    t = await startBridge({ sessionGraceMs: 60_000 });
    const metric = async (name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(await (await fetch(`${t.url}/metrics`)).text())?.[1]);
    const first = await readyAgent(t, 'agent1');
    const second = await ClientSocket.agent(t, { agentId: 'agent1' });
    const other = await readyAgent(t, 'agent2');
    expect(await health(t)).toMatchObject({ sessions: 2, sockets: 3 });
    expect(await metric('ctikit_bridge_sockets')).toBe(3);
    const held = await metric('ctikit_bridge_replay_buffer_bytes');
    expect(held).toBeGreaterThan(0);
    await second.close();
    await until(async () => (await health(t)).sockets === 2);
    await first.close();
    await other.close();
    await until(async () => (await health(t)).sockets === 0);
    expect(await metric('ctikit_bridge_replay_buffer_bytes')).toBe(held);
    t.clock.advance(60_000);
    await until(async () => (await health(t)).sessions === 0);
    expect(await metric('ctikit_bridge_sockets')).toBe(0);
    expect(await metric('ctikit_bridge_replay_buffer_bytes')).toBe(0);
  });
});

describe('/metrics', () => {
  it('exposes sessions, sockets, commands by type and outcome, the fan-out histogram and process metrics', async () => {
    t = await startBridge();
    const socket = await readyAgent(t, 'agent1');
    await talking(t, socket, 'agent1');
    await command(t, 'agent1', { type: 'Hold', connectionId: 'nope' });
    const response = await fetch(`${t.url}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('ctikit_bridge_sessions 1');
    expect(text).toContain('ctikit_bridge_sockets 1');
    expect(text).toContain('ctikit_bridge_commands_total{type="initialize",outcome="OK"} 1');
    expect(text).toContain('ctikit_bridge_commands_total{type="Accept",outcome="OK"} 1');
    expect(text).toContain('ctikit_bridge_commands_total{type="Hold",outcome="INVALID_CONNECTION_ID"} 1');
    const fanouts = /ctikit_bridge_event_fanout_seconds_count (\d+)/.exec(text);
    expect(Number(fanouts?.[1])).toBeGreaterThanOrEqual(6);
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_heap_size_used_bytes');
  });
});

describe('static folders', () => {
  it('serves each folder that exists at its prefix and skips the missing ones', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ctikit-static-'));
    try {
      mkdirSync(join(root, 'simulators'));
      mkdirSync(join(root, 'toolbar'));
      writeFileSync(join(root, 'simulators', 'index.html'), '<title>simulators</title>');
      writeFileSync(join(root, 'toolbar', 'index.html'), '<title>toolbar</title>');
      writeFileSync(join(root, 'toolbar', 'app.js'), 'export {};');
      t = await startBridge({
        staticDirs: [
          { dir: join(root, 'simulators'), prefix: '/' },
          { dir: join(root, 'toolbar'), prefix: '/toolbar/' },
          { dir: join(root, 'not-built-yet'), prefix: '/phone/' },
        ],
      });
      expect(await (await fetch(`${t.url}/`)).text()).toContain('simulators');
      expect(await (await fetch(`${t.url}/toolbar/`)).text()).toContain('toolbar');
      const script = await fetch(`${t.url}/toolbar/app.js`);
      expect(script.headers.get('content-type')).toContain('javascript');
      expect(await http(`${t.url}/toolbar/missing.js`)).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
      expect(await http(`${t.url}/phone/`)).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
      // The API routes are not shadowed by the folder served at /.
      expect((await http(`${t.url}/healthz`)).status).toBe(200);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
