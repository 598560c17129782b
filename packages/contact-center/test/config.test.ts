import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SIMULATOR_CONFIG, loadSimulatorConfig, parseSimulatorConfig } from '../src/index.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ctikit-sim-config-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text, 'utf8');
  return path;
}

const YAML = `
agents:
  - agentId: jdoe
    name: Jane Doe
    dn: "7001"
    queues: ["7100"]
  - agentId: rroe
    name: Richard Roe
    dn: "7002"
queues:
  - dn: "7100"
    name: Billing
reasonCodes:
  - code: Coaching
    label: Coaching session
ringTimeoutSec: 12
afterCallWork:
  enabled: true
`;

describe('simulator configuration files', () => {
  it('loads YAML, filling defaults', async () => {
    const config = await loadSimulatorConfig(await file('sim.yaml', YAML));
    expect(config).toEqual({
      agents: [
        { agentId: 'jdoe', name: 'Jane Doe', dn: '7001', queues: ['7100'] },
        { agentId: 'rroe', name: 'Richard Roe', dn: '7002', queues: [] },
      ],
      queues: [{ dn: '7100', name: 'Billing' }],
      reasonCodes: [{ code: 'Coaching', label: 'Coaching session' }],
      ringTimeoutSec: 12,
      outboundNoAnswerSec: 45,
      afterCallWork: { enabled: true, timeoutSec: 60, after: 'queueCalls' },
      campaigns: [],
    });
  });

  it('loads JSON', async () => {
    const json = JSON.stringify({ agents: [{ agentId: 'solo', name: 'Solo', dn: '42' }], outboundNoAnswerSec: 5 });
    const config = await loadSimulatorConfig(await file('sim.json', json));
    expect(config.agents).toEqual([{ agentId: 'solo', name: 'Solo', dn: '42', queues: [] }]);
    expect(config.outboundNoAnswerSec).toBe(5);
    expect(config.queues).toEqual([]);
    expect(config.afterCallWork).toEqual({ enabled: false, timeoutSec: 60, after: 'queueCalls' });
  });

  it('names the file when it is not YAML or JSON', async () => {
    const path = await file('broken.yaml', 'agents: [ {agentId: x\n');
    await expect(loadSimulatorConfig(path)).rejects.toThrow(`Invalid simulator configuration: ${path} is not valid YAML or JSON`);
  });

  it('the built-in default is valid and has agents in two queues', () => {
    expect(parseSimulatorConfig(DEFAULT_SIMULATOR_CONFIG)).toEqual(DEFAULT_SIMULATOR_CONFIG);
  });
});

describe('invalid configurations', () => {
  const agent = { agentId: 'a', name: 'A', dn: '5001' };
  const cases: Array<[string, unknown, string]> = [
    ['an empty file', null, '(root): Invalid input: expected object, received null'],
    ['no agents', {}, 'agents: Invalid input: expected array, received undefined'],
    ['an empty agent list', { agents: [] }, 'agents: Too small: expected array to have >=1 items'],
    ['a DN that is not digits', { agents: [{ ...agent, dn: '50a1' }] }, 'agents.0.dn: a DN is 2 to 15 digits'],
    ['a DN configured twice', { agents: [agent], queues: [{ dn: '5001', name: 'Q' }] }, '(root): DN 5001 is configured twice'],
    ['an unknown queue', { agents: [{ ...agent, queues: ['8000'] }] }, '(root): agent a: unknown queue 8000'],
    ['duplicate agentIds', { agents: [agent, { ...agent, dn: '5002' }] }, '(root): agentIds must be unique'],
    ['a negative ring timeout', { agents: [agent], ringTimeoutSec: -1 }, 'ringTimeoutSec: Too small: expected number to be >=0'],
    ['a zero outbound no-answer time', { agents: [agent], outboundNoAnswerSec: 0 }, 'outboundNoAnswerSec: Too small: expected number to be >0'],
    ['a fractional ring timeout', { agents: [agent], ringTimeoutSec: 1.5 }, 'ringTimeoutSec: Invalid input: expected int, received number'],
    [
      'a non-boolean after-call-work switch',
      { agents: [agent], afterCallWork: { enabled: 'yes' } },
      'afterCallWork.enabled: Invalid input: expected boolean, received string',
    ],
    [
      'an empty reason code',
      { agents: [agent], reasonCodes: [{ code: '', label: 'x' }] },
      'reasonCodes.0.code: Too small: expected string to have >=1 characters',
    ],
  ];

  it.each(cases)('rejects %s', (_name, input, message) => {
    expect(() => parseSimulatorConfig(input)).toThrow(`Invalid simulator configuration:\n  ${message}`);
  });

  it('lists every problem at once', () => {
    expect(() => parseSimulatorConfig({ agents: [{ agentId: '', name: 'A', dn: '1' }], ringTimeoutSec: 'x' })).toThrow(
      /agents\.0\.agentId: .*\n {2}agents\.0\.dn: a DN is 2 to 15 digits\n {2}ringTimeoutSec: /,
    );
  });
});
