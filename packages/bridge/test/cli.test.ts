import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { loadBridgeConfig } from '../src/config-sources.ts';

/** Configuration sources (file < env < flags) and the `ctikit` command, run as a real process. */

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('configuration sources', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ctikit-config-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a YAML file, resolves its paths against the file, and lets env then flags override it', async () => {
    writeFileSync(
      join(dir, 'simulator.yaml'),
      'agents:\n  - { agentId: solo, name: Solo Agent, dn: "6001", queues: ["9000"] }\nqueues:\n  - { dn: "9000", name: Only }\n',
    );
    writeFileSync(
      join(dir, 'ctikit.config.yaml'),
      [
        'port: 9001',
        'mode: production',
        'allowedOrigins: [https://fusion.example.com]',
        'tokens: [{ token: file-token-0123456789, agentId: solo }]',
        'heartbeatMs: 5000',
        'simulator: simulator.yaml',
        'staticDirs: [{ dir: ui, prefix: / }]',
      ].join('\n'),
    );
    const options = await loadBridgeConfig(
      { config: join(dir, 'ctikit.config.yaml'), port: '9003' },
      { CTIKIT_PORT: '9002', CTIKIT_HEARTBEAT_MS: '7000', CTIKIT_TOKENS: 'env-token-0123456789==solo,second-token-0123456789=solo', LOG_LEVEL: 'warn' },
    );
    expect(options).toMatchObject({
      port: 9003,
      mode: 'production',
      allowedOrigins: ['https://fusion.example.com'],
      tokens: [
        { agentId: 'solo', token: 'env-token-0123456789=' },
        { agentId: 'solo', token: 'second-token-0123456789' },
      ],
      heartbeatMs: 7000,
      logLevel: 'warn',
      staticDirs: [{ dir: join(dir, 'ui'), prefix: '/' }],
    });
    expect(options.simulatorConfig?.agents.map((a) => a.agentId)).toEqual(['solo']);
  });

  it('reads JSON with an inline simulator, and CTIKIT_SIM_CONFIG replaces it', async () => {
    writeFileSync(
      join(dir, 'inline.json'),
      JSON.stringify({ simulator: { agents: [{ agentId: 'inline', name: 'In Line', dn: '7001' }] }, rateLimit: { perSecond: 5, burst: 10 } }),
    );
    const inline = await loadBridgeConfig({ config: join(dir, 'inline.json') }, {});
    expect(inline.simulatorConfig?.agents[0]?.agentId).toBe('inline');
    expect(inline.rateLimit).toEqual({ perSecond: 5, burst: 10 });
    const replaced = await loadBridgeConfig({ config: join(dir, 'inline.json') }, { CTIKIT_SIM_CONFIG: join(dir, 'simulator.yaml') });
    expect(replaced.simulatorConfig?.agents[0]?.agentId).toBe('solo');
  });

  it('names the source of every problem', async () => {
    writeFileSync(join(dir, 'typo.yaml'), 'prot: 8087\n');
    await expect(loadBridgeConfig({ config: join(dir, 'typo.yaml') }, {})).rejects.toThrow(/typo\.yaml.*prot/);
    await expect(loadBridgeConfig({ config: join(dir, 'missing.yaml') }, {})).rejects.toThrow(/missing\.yaml.*ENOENT/);
    await expect(loadBridgeConfig({}, { CTIKIT_PORT: 'eighty' })).rejects.toThrow(/CTIKIT_PORT/);
    await expect(loadBridgeConfig({}, { CTIKIT_TOKENS: 'no-separator' })).rejects.toThrow(/CTIKIT_TOKENS/);
    await expect(loadBridgeConfig({ logLevel: 'loud' }, {})).rejects.toThrow(/--log-level/);
  });
});

describe('the ctikit command', () => {
  let bridge: ChildProcess;
  let url: string;
  let exited: Promise<number | null>;

  beforeAll(async () => {
    bridge = spawn(process.execPath, ['--import', 'tsx', CLI, 'start', '--port', '0', '--log-level', 'warn'], { env: { ...process.env } });
    exited = new Promise((resolve) => bridge.on('close', (code) => resolve(code)));
    url = await new Promise<string>((resolve) => {
      let output = '';
      bridge.stdout?.on('data', (chunk: Buffer) => {
        output += String(chunk);
        const match = /listening on (http:\/\/\S+)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
    });
  }, 30_000);

  afterAll(async () => {
    bridge.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('start serves the bridge; sim call, calls and hangup drive its simulator', async () => {
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const call = await run(['sim', 'call', '--from', '4155550123', '--to', '8000', '--data', 'Account=A-7', '--url', url]);
    expect(call).toMatchObject({ code: 0 });
    const connectionId = /connectionId ([0-9a-f]{16})/.exec(call.stdout)?.[1] as string;
    expect(connectionId).toBeDefined();
    const calls = await run(['sim', 'calls', '--json', '--url', url]);
    expect(JSON.parse(calls.stdout)).toMatchObject({ calls: [{ connectionId, userData: { Account: 'A-7' } }] });
    expect(await run(['sim', 'hangup', connectionId, '--url', url])).toMatchObject({ code: 0, stdout: 'OK\n' });
  }, 30_000);

  it('exits 1 with the error code when the bridge refuses, 2 on a usage error, 3 when there is no bridge', async () => {
    const [refused, usage, unknown, unreachable] = await Promise.all([
      run(['sim', 'hangup', '0071000000000099', '--url', url]),
      run(['sim', 'refuse', '0071000000000099', '--url', url]),
      run(['launch']),
      run(['sim', 'agents', '--url', 'http://127.0.0.1:9']),
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('404 INVALID_CONNECTION_ID');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--reason is required');
    expect(unknown.code).toBe(2);
    expect(unreachable.code).toBe(3);
  }, 30_000);
});

describe('logs', () => {
  it('never contain a token or a socket ticket, in the Authorization header, the socket query or a REST query', async () => {
    const token = 'very-secret-token-0123456789';
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'start', '--port', '0', '--mode', 'production', '--log-level', 'trace'], {
      env: { ...process.env, CTIKIT_HOST: '127.0.0.1', CTIKIT_TOKENS: `${token}=agent1`, CTIKIT_ALLOWED_ORIGINS: 'https://toolbar.example.com' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += String(chunk)));
    child.stderr.on('data', (chunk: Buffer) => (output += String(chunk)));
    const closed = new Promise((resolve) => child.on('close', resolve));
    const base = await new Promise<string>((resolve) => {
      child.stdout.on('data', () => {
        const match = /listening on (http:\/\/\S+)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
    });
    const answer = await fetch(`${base}/genesys/events?access_token=${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ type: 'initialize' }),
    });
    expect(answer.status).toBe(200);
    const ticketAnswer = await fetch(`${base}/genesys/ticket`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    const { ticket } = (await ticketAnswer.json()) as { ticket: string };
    const ws = new WebSocket(`${base.replace('http', 'ws')}/genesysWs?ticket=${ticket}`);
    await new Promise((resolve) => ws.once('message', resolve));
    ws.close();
    child.kill('SIGTERM');
    await closed;
    expect(output).toContain('command accepted');
    expect(output).toContain('agent socket opened');
    expect(output).not.toContain(token);
    expect(output).not.toContain(ticket);
  }, 30_000);
});
