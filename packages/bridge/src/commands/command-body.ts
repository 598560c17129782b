import { z } from 'zod';
import { COMMAND_TYPES, commandSchemas, isCommandType } from '@ctikit/protocol';
import type { Command } from '@ctikit/protocol';

/**
 * The body of `POST /genesys/events`: a command per the protocol's `commandSchemas`. An unknown
 * `type` is UNKNOWN_COMMAND (named by the issue's `params.code`); anything else wrong is
 * INVALID_COMMAND with zod's issues summarised.
 */
export const commandBodySchema = z.unknown().transform((body, ctx): Command => {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    ctx.addIssue({ code: 'custom', message: 'a command is a JSON object with a "type"' });
    return z.NEVER;
  }
  const type: unknown = (body as Record<string, unknown>)['type'];
  if (!isCommandType(type)) {
    const named = typeof type === 'string' ? `"${type.slice(0, 64)}" is not a command type` : 'a command needs a string "type"';
    const code = typeof type === 'string' ? 'UNKNOWN_COMMAND' : 'INVALID_COMMAND';
    ctx.addIssue({ code: 'custom', path: ['type'], message: `${named} (one of ${COMMAND_TYPES.join(', ')})`, params: { code } });
    return z.NEVER;
  }
  const result = commandSchemas[type].safeParse(body);
  if (!result.success) {
    for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [...issue.path] });
    return z.NEVER;
  }
  return result.data as Command;
});
