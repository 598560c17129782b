import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createBridge } from '../../src/index.ts';
import type { Bridge } from '../../src/index.ts';
import { ClientSocket, postJson } from '../harness.ts';

/**
 * `ctikit sim serve` run as a real process from the compiled build (dist/cli.js, plain node): the simulator as its own service on the Workspace API,
 * a bridge reaching it through its Workspace API backend, the customer's call placed on the
 * service's control API.
 */

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const ENV = { CTIKIT_WORKSPACE_API_KEY: 'sim-key', CTIKIT_WORKSPACE_TOKENS: 'tok-agent-1=agent1,tok-agent-2=agent2' };

let child: ChildProcessWithoutNullStreams | undefined;
let bridge: Bridge | undefined;

afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  child = undefined;
});

function serve(env: Record<string, string>): {
  process: ChildProcessWithoutNullStreams;
  url: Promise<string>;
  exit: Promise<{ code: number | null; stderr: string }>;
} {
  const started = spawn(process.execPath, [CLI, 'sim', 'serve', '--port', '0', '--log-level', 'warn'], { env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  started.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
  const url = new Promise<string>((resolve) => {
    started.stdout.on('data', (chunk: Buffer) => {
      stdout += String(chunk);
      const found = /listening on (http:\/\/\S+)/.exec(stdout);
      if (found?.[1]) resolve(found[1]);
    });
  });
  const exit = new Promise<{ code: number | null; stderr: string }>((resolve) => started.on('close', (code) => resolve({ code, stderr })));
  return { process: started, url, exit };
}

describe('ctikit sim serve', () => {
  it('serves the Workspace API a bridge node signs its agent in through, and the control API that rings the agent', async () => {
    const service = serve(ENV);
    child = service.process;
    const apiUrl = await service.url;
    bridge = createBridge({
      port: 0,
      logLevel: 'silent',
      staticDirs: [],
      backend: {
        kind: 'workspace-api',
        apiUrl,
        apiKey: 'sim-key',
        agents: [{ agentId: 'agent1', dn: '5001', token: 'tok-agent-1' }],
      },
    });
    const url = await bridge.listen();
    const socket = await ClientSocket.open(`${url.replace(/^http/, 'ws')}/genesysWs?agentId=agent1`);
    await socket.next('SessionOpened');
    const initialized = await postJson(`${url}/genesys/events`, { type: 'initialize' }, { 'x-agent-id': 'agent1' });
    expect(initialized.status).toBe(200);
    await socket.next('EventAgentReady');

    const placed = await postJson(`${apiUrl}/sim/calls`, { from: '4155550123', to: '5001' });
    expect(placed.status).toBe(201);
    const { connectionId } = placed.body as { connectionId: string };
    const ring = await socket.next('EventRinging');
    expect(ring).toMatchObject({ connectionId, thisDN: '5001', eventId: expect.any(String) });
    await socket.close();
  });

  it('refuses to start without the Workspace API key, or with a token for an agent the simulator does not have, naming the cause', async () => {
    const [noKey, unknownAgent] = [
      serve({ CTIKIT_WORKSPACE_API_KEY: '', CTIKIT_WORKSPACE_TOKENS: '' }),
      serve({ ...ENV, CTIKIT_WORKSPACE_TOKENS: 'tok=nobody' }),
    ];
    const [first, second] = await Promise.all([noKey.exit, unknownAgent.exit]);
    expect(first).toMatchObject({ code: 2, stderr: expect.stringContaining('CTIKIT_WORKSPACE_API_KEY') });
    expect(second).toMatchObject({ code: 2, stderr: expect.stringContaining('no agent nobody') });
  });
});
