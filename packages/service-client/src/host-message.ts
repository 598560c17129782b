import * as z from 'zod/mini';

/**
 * How the client reads what the host posts (zod's small build, for the script-tag file): only
 * messages whose userAgent names WWE, with bounded fields.
 */
const referenceId = z.union([z.string().check(z.minLength(1), z.maxLength(64)), z.number().check(z.int())]);
const short = (max: number) => z.optional(z.string().check(z.maxLength(max)));

export const hostMessageSchema = z.object({
  userAgent: z.string().check(
    z.maxLength(64),
    z.refine((value) => value.includes('WWE')),
  ),
  event: short(80),
  data: z.optional(z.unknown()),
  referenceId: z.optional(referenceId),
  errorMessage: short(4096),
  errorCode: short(64),
  subscriptionId: short(64),
  frameId: z.optional(z.union([z.number().check(z.int()), z.string().check(z.maxLength(64))])),
  request: short(64),
  protocolVersion: z.optional(z.number()),
});
export type ParsedHostMessage = z.infer<typeof hostMessageSchema>;
