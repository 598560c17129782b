import { z } from 'zod';
import { COMMAND_TYPES, commandSchemas, isWireErrorCode } from '@ctikit/protocol';
import type { Command, ErrorCode } from '@ctikit/protocol';

/**
 * What the nodes of a cluster say to each other on their own Redis channels: a command forwarded to
 * the node that owns the agent, its answer, and a failure to echo on the agent's sockets. Parsed at
 * the edge like any other input.
 */

const identity = z.object({ agentId: z.string().min(1), dn: z.string().min(1) });
const commandSchema = z.discriminatedUnion(
  'type',
  COMMAND_TYPES.map((type) => commandSchemas[type]) as unknown as [
    z.ZodObject<{ type: z.ZodLiteral<string> }>,
    ...Array<z.ZodObject<{ type: z.ZodLiteral<string> }>>,
  ],
);
const errorCode = z.string().refine(isWireErrorCode) as unknown as z.ZodType<ErrorCode>;
const failure = z.object({ code: errorCode, message: z.string() });

export const nodeMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('command'), id: z.string(), replyTo: z.string(), identity, command: commandSchema, referenceId: z.string() }),
  z.object({
    kind: z.literal('reply'),
    id: z.string(),
    outcome: z.object({ eventId: z.string().optional(), connectionId: z.string().optional() }).optional(),
    error: failure.optional(),
    /** The node no longer owns the agent: ask again who does. */
    notOwner: z.boolean().optional(),
  }),
  z.object({ kind: z.literal('report'), identity, error: failure, referenceId: z.string(), connectionId: z.string().optional() }),
]);

export type NodeMessage = z.output<typeof nodeMessageSchema>;
export type ForwardedCommand = Extract<NodeMessage, { kind: 'command' }> & { command: Command };
