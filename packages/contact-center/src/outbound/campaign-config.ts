import { z } from 'zod';

/**
 * Outbound campaigns of the simulator file, after Genesys Outbound Contact Server: a campaign dials
 * the records of its calling list in one mode — `preview` (the agent asks for a record, sees it,
 * then calls or rejects it) or `progressive` (the campaign dials the next record for an agent as
 * soon as the agent is Ready and hands the call over with the record attached) or `pushPreview`
 * (once the agent starts push preview, the campaign pushes it its next record to preview whenever it
 * has none in hand, without its asking; the agent stops it when it wants). Records are
 * numbered across campaigns from 1 (their `recordHandle`); records sharing a `chain` are one
 * customer's numbers (OCS chained records).
 */
const fieldValue = z.union([z.string().max(1024), z.number().finite()]);

export const campaignRecordSchema = z.object({
  phone: z.string().regex(/^\+?[0-9]{2,15}$/, 'a phone number is 2 to 15 digits, optionally after +'),
  /** The calling list's custom fields (customer name, account…), shown to the agent. */
  fields: z.record(z.string().min(1).max(64), fieldValue).default({}),
  chain: z.string().min(1).max(64).optional(),
});

export const campaignSchema = z.object({
  name: z.string().min(1).max(128),
  mode: z.enum(['preview', 'progressive', 'pushPreview']),
  callingList: z.string().min(1).max(128),
  /** The agents of the campaign's group (agentIds); none: every agent. */
  agents: z.array(z.string().min(1).max(64)).default([]),
  records: z.array(campaignRecordSchema).max(10_000).default([]),
});

export const campaignsSchema = z
  .array(campaignSchema)
  .max(100)
  .default([])
  .refine((campaigns) => new Set(campaigns.map((campaign) => campaign.name)).size === campaigns.length, { message: 'campaign names must be unique' });

export type CampaignConfig = z.output<typeof campaignSchema>;
/** A campaign as the simulator file writes it (fields, agents and records may be left out). */
export type CampaignConfigInput = z.input<typeof campaignSchema>;
export type CampaignMode = CampaignConfig['mode'];
