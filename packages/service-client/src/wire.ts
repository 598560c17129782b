import * as z from 'zod/mini';

/** The host's parsing of what a client posts (see protocol.ts for the format). */

/** A caller's own referenceId may be a string or a number; it is echoed as it came. */
export const referenceIdSchema = z.union([
  z.string().check(z.minLength(1)).check(z.maxLength(64)),
  z.int().check(z.nonnegative(), z.maximum(Number.MAX_SAFE_INTEGER)),
]);

const envelope = {
  referenceId: z.optional(referenceIdSchema),
  userAgent: z.optional(z.string().check(z.maxLength(64))),
  protocolVersion: z.optional(z.number()),
  frameId: z.optional(z.union([z.int(), z.string().check(z.maxLength(64))])),
};

/** A request: `parameters` are checked by each request's own handler. */
export const requestMessageSchema = z.object({
  request: z.string().check(z.maxLength(64)),
  parameters: z.nullish(z.array(z.unknown()).check(z.maxLength(8))),
  ...envelope,
});
export type RequestMessage = z.infer<typeof requestMessageSchema>;

export const subscribeMessageSchema = z.object({
  event: z.literal('subscribe'),
  data: z.union([
    z.string().check(z.maxLength(80)),
    z
      .array(z.string().check(z.maxLength(80)))
      .check(z.minLength(1))
      .check(z.maxLength(16)),
  ]),
  ...envelope,
});
export type SubscribeMessage = z.infer<typeof subscribeMessageSchema>;

export const unsubscribeMessageSchema = z.object({
  event: z.literal('unsubscribe'),
  data: z.union([z.string().check(z.maxLength(64)), z.int()]),
  ...envelope,
});
export type UnsubscribeMessage = z.infer<typeof unsubscribeMessageSchema>;

/** Anything a client may post to the host. */
export const clientMessageSchema = z.union([requestMessageSchema, subscribeMessageSchema, unsubscribeMessageSchema]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;
