import { z } from 'zod';

/** The host's parsing of what a client posts (see protocol.ts for the format). */

/** A caller's own referenceId may be a string or a number; it is echoed as it came. */
export const referenceIdSchema = z.union([z.string().min(1).max(64), z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)]);

const envelope = {
  referenceId: referenceIdSchema.optional(),
  userAgent: z.string().max(64).optional(),
  protocolVersion: z.number().optional(),
  frameId: z.union([z.number().int(), z.string().max(64)]).optional(),
};

/** A request: `parameters` are checked by each request's own handler. */
export const requestMessageSchema = z.object({
  request: z.string().max(64),
  parameters: z.array(z.unknown()).max(8).nullish(),
  ...envelope,
});
export type RequestMessage = z.infer<typeof requestMessageSchema>;

export const subscribeMessageSchema = z.object({
  event: z.literal('subscribe'),
  data: z.union([z.string().max(80), z.array(z.string().max(80)).min(1).max(16)]),
  ...envelope,
});
export type SubscribeMessage = z.infer<typeof subscribeMessageSchema>;

export const unsubscribeMessageSchema = z.object({
  event: z.literal('unsubscribe'),
  data: z.union([z.string().max(64), z.number().int()]),
  ...envelope,
});
export type UnsubscribeMessage = z.infer<typeof unsubscribeMessageSchema>;

/** Anything a client may post to the host. */
export const clientMessageSchema = z.union([requestMessageSchema, subscribeMessageSchema, unsubscribeMessageSchema]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;
