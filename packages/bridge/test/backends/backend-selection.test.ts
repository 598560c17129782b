import { describe, expect, it } from 'vitest';
import { backendFromSettings } from '../../src/backends/backend-config.ts';
import { createBridge } from '../../src/index.ts';

/** Selecting the contact center from configuration, and the mistakes it names. */

const section = {
  kind: 'workspace-api',
  apiUrl: 'https://gws.example.com/',
  apiKey: 'from-file',
  agents: [
    { agentId: 'agent1', dn: '5001' },
    { agentId: 'agent2', dn: '5002', token: 'file-token' },
  ],
};

describe('backend selection', () => {
  it('is the embedded simulator when nothing is configured', () => {
    expect(backendFromSettings(undefined, {}, 'ctikit.yaml')).toBeUndefined();
    expect(backendFromSettings({ kind: 'simulator' }, {}, 'ctikit.yaml')).toEqual({ kind: 'simulator' });
  });

  it('takes the Workspace API secrets from the environment over the file, with defaults for the rest', () => {
    const env = { CTIKIT_WORKSPACE_API_KEY: 'from-env', CTIKIT_WORKSPACE_TOKENS: 'tok=en1==agent1' };
    expect(backendFromSettings(section, env, 'ctikit.yaml')).toEqual({
      kind: 'workspace-api',
      apiUrl: 'https://gws.example.com',
      apiKey: 'from-env',
      agents: [
        { agentId: 'agent1', dn: '5001', token: 'tok=en1=' },
        { agentId: 'agent2', dn: '5002', token: 'file-token' },
      ],
      reasonCodes: [],
      requestTimeoutMs: 10_000,
      reconnect: { initialDelayMs: 1_000, maxDelayMs: 30_000 },
    });
  });

  it('names the source of a mistake', () => {
    expect(() => backendFromSettings({ ...section, apiUrl: 'gws' }, {}, 'ctikit.yaml')).toThrow(/ctikit\.yaml: backend\.apiUrl: apiUrl is an http\(s\) URL/);
    expect(() => backendFromSettings({ kind: 'pbx' }, {}, 'ctikit.yaml')).toThrow(/ctikit\.yaml: backend\.kind/);
    expect(() => backendFromSettings(section, { CTIKIT_WORKSPACE_TOKENS: 't=agent9' }, 'ctikit.yaml')).toThrow(/agent agent9 is not in backend\.agents/);
  });

  it('refuses a simulator config beside a Workspace API backend', () => {
    expect(() =>
      createBridge({
        logLevel: 'silent',
        backend: { ...section, kind: 'workspace-api', agents: [{ agentId: 'agent1', dn: '5001', token: 't' }] },
        simulatorConfig: {
          agents: [{ agentId: 'a', name: 'A', dn: '5001', queues: [] }],
          queues: [],
          reasonCodes: [],
          ringTimeoutSec: 0,
          outboundNoAnswerSec: 45,
          afterCallWork: { enabled: false, timeoutSec: 60 },
        },
      }),
    ).toThrow(/simulatorConfig is for the embedded simulator only/);
  });
});
