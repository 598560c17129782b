import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { campaignsSchema } from './outbound/campaign-config.ts';

/**
 * The simulator's configuration: agents with their DNs, queues (ACD queues / route points), not-ready
 * reason codes and timers. Loaded from a YAML or JSON file, or the built-in default with no file.
 */
const dn = z.string().regex(/^[0-9]{2,15}$/, 'a DN is 2 to 15 digits');

export const simulatorConfigSchema = z
  .object({
    agents: z
      .array(
        z.object({
          agentId: z.string().min(1).max(64),
          name: z.string().min(1).max(128),
          dn,
          /** The queues this agent takes calls from. */
          queues: z.array(dn).default([]),
        }),
      )
      .min(1),
    queues: z.array(z.object({ dn, name: z.string().min(1).max(128) })).default([]),
    reasonCodes: z.array(z.object({ code: z.string().min(1).max(64), label: z.string().min(1).max(128) })).default([]),
    /** Seconds an ACD call rings at an agent before it returns to its queue (RONA); 0 = forever. */
    ringTimeoutSec: z.number().int().nonnegative().default(30),
    /** Seconds an outbound call rings at the customer before it is released with NoAnswer. */
    outboundNoAnswerSec: z.number().int().positive().default(45),
    afterCallWork: z
      .object({
        /** When on, an agent goes NotReady/AfterCallWork when an ACD call is released. */
        enabled: z.boolean().default(false),
        /** Seconds of wrap-up before the agent is made Ready again; 0 = until the agent acts. */
        timeoutSec: z.number().int().nonnegative().default(60),
        /** Which calls it follows: ACD calls only, or every call with a customer (inbound or outbound), as Amazon Connect does. */
        after: z.enum(['queueCalls', 'customerCalls']).default('queueCalls'),
      })
      .default({ enabled: false, timeoutSec: 60, after: 'queueCalls' }),
    /** Outbound campaigns (Outbound Contact Server): src/outbound/campaign-config.ts. */
    campaigns: campaignsSchema,
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    const all = [...config.agents.map((a) => a.dn), ...config.queues.map((q) => q.dn)];
    for (const value of all) {
      if (seen.has(value)) ctx.addIssue({ code: 'custom', message: `DN ${value} is configured twice` });
      seen.add(value);
    }
    const queues = new Set(config.queues.map((q) => q.dn));
    for (const agent of config.agents) {
      for (const queue of agent.queues) {
        if (!queues.has(queue)) ctx.addIssue({ code: 'custom', message: `agent ${agent.agentId}: unknown queue ${queue}` });
      }
    }
    const ids = new Set(config.agents.map((a) => a.agentId));
    if (ids.size !== config.agents.length) ctx.addIssue({ code: 'custom', message: 'agentIds must be unique' });
    for (const campaign of config.campaigns) {
      for (const agentId of campaign.agents) {
        if (!ids.has(agentId)) ctx.addIssue({ code: 'custom', message: `campaign ${campaign.name}: unknown agent ${agentId}` });
      }
    }
  });

export type SimulatorConfigInput = z.input<typeof simulatorConfigSchema>;
export type SimulatorConfig = z.output<typeof simulatorConfigSchema>;

export const DEFAULT_SIMULATOR_CONFIG: SimulatorConfig = simulatorConfigSchema.parse({
  agents: [
    { agentId: 'agent1', name: 'Alex Morgan', dn: '5001', queues: ['8000', '8001'] },
    { agentId: 'agent2', name: 'Kenji Sato', dn: '5002', queues: ['8000'] },
    { agentId: 'agent3', name: 'Maria Lopez', dn: '5003', queues: ['8001'] },
    { agentId: 'agent4', name: 'Sam Lee', dn: '5004', queues: ['8000', '8001'] },
  ],
  queues: [
    { dn: '8000', name: 'Support' },
    { dn: '8001', name: 'Sales' },
  ],
  reasonCodes: [
    { code: 'Break', label: 'Break' },
    { code: 'Lunch', label: 'Lunch' },
    { code: 'Meeting', label: 'Meeting' },
    { code: 'Training', label: 'Training' },
  ],
});

/**
 * The demo's contact center (`npm start` with no simulator file): the default one with a timed
 * after-call work after every call with a customer, as Amazon Connect has it, so a call's wrap-up is
 * the same on both vendors, and a preview campaign for the demo's agent calling the Fusion
 * simulator's sample contacts.
 */
export const DEMO_SIMULATOR_CONFIG: SimulatorConfig = {
  ...DEFAULT_SIMULATOR_CONFIG,
  afterCallWork: { enabled: true, timeoutSec: 60, after: 'customerCalls' },
  campaigns: campaignsSchema.parse([
    {
      name: 'Renewals',
      mode: 'preview',
      callingList: 'Renewals',
      agents: ['agent1'],
      records: [
        { phone: '+14155550142', fields: { Name: 'Olivia Bennett', Account: 'Northwind Traders', Plan: 'Gold' } },
        { phone: '+13125550187', fields: { Name: 'Daniel Okafor', Account: 'Contoso Health', Plan: 'Silver' } },
      ],
    },
  ]),
};

/** Parse a configuration object; throws an Error listing every problem. */
export function parseSimulatorConfig(input: unknown): SimulatorConfig {
  const result = simulatorConfigSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`Invalid simulator configuration:\n  ${problems.join('\n  ')}`);
  }
  return result.data;
}

/** Load a YAML or JSON file (JSON is YAML, so one parser reads both). */
export async function loadSimulatorConfig(path: string): Promise<SimulatorConfig> {
  const text = await readFile(path, 'utf8');
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Invalid simulator configuration: ${path} is not valid YAML or JSON: ${reason}`, { cause: error });
  }
  return parseSimulatorConfig(data);
}
