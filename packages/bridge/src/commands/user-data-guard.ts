import { z } from 'zod';
import { CtiError } from '@ctikit/protocol';
import type { UserData } from '@ctikit/protocol';
import type { Counter } from 'prom-client';

/**
 * Bounds on a call's user data, checked on what the call would hold after the command (its
 * current pairs merged with the new ones), before the contact center sees the request. Every
 * change of user data is an event carrying all of it to every party, and every frame is kept for
 * resume: unbounded user data is unbounded memory. A refusal is `413 USER_DATA_TOO_LARGE` naming
 * the limit, counted in `ctikit_bridge_user_data_refused_total{limit}`.
 */

export const userDataLimitsSchema = z
  .object({
    maxKeys: z.number().int().positive().default(100),
    maxValueLength: z.number().int().positive().default(4096),
    /** UTF-8 bytes of the user data as JSON. */
    maxTotalBytes: z
      .number()
      .int()
      .positive()
      .default(32 * 1024),
  })
  .strict()
  .default({ maxKeys: 100, maxValueLength: 4096, maxTotalBytes: 32 * 1024 });
export type UserDataLimits = z.output<typeof userDataLimitsSchema>;

export type UserDataLimit = 'keys' | 'value' | 'total';

export class UserDataGuard {
  constructor(
    private readonly limits: UserDataLimits,
    private readonly refused: Counter<'limit'>,
  ) {}

  /**
   * `incoming` added to `current`: Update (and transfer data) overwrite existing keys, Attach keeps
   * them. Throws USER_DATA_TOO_LARGE when the result passes a limit.
   */
  check(current: UserData, incoming: UserData, existing: 'overwritten' | 'kept' = 'overwritten'): void {
    const { maxKeys, maxValueLength, maxTotalBytes } = this.limits;
    const long = Object.entries(incoming).find(([, value]) => typeof value === 'string' && value.length > maxValueLength);
    if (long) this.refuse('value', `The value of user-data key "${long[0].slice(0, 64)}" is longer than ${maxValueLength} characters.`);
    const merged = existing === 'overwritten' ? { ...current, ...incoming } : { ...incoming, ...current };
    const keys = Object.keys(merged).length;
    if (keys > maxKeys) this.refuse('keys', `The call would hold ${keys} user-data keys; at most ${maxKeys} are allowed.`);
    const bytes = Buffer.byteLength(JSON.stringify(merged));
    if (bytes > maxTotalBytes) this.refuse('total', `The call's user data would be ${bytes} bytes; at most ${maxTotalBytes} are allowed.`);
  }

  private refuse(limit: UserDataLimit, message: string): never {
    this.refused.inc({ limit });
    throw new CtiError('USER_DATA_TOO_LARGE', message);
  }
}
