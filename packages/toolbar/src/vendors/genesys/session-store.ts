import { z } from '../../platform/schema.ts';
import type { StorageLike } from '../../platform/storage.ts';

/**
 * Where the vendor keeps its bridge session between page loads (sessionStorage: per tab, gone with
 * the tab): the sessionId from SessionOpened and the last seq it processed. A reloaded page finds it
 * and reconnects on its own, so a ringing or connected call survives the reload. What is stored is
 * outside input by the time it is read back, so it is parsed like any other.
 */
const resumePointSchema = z.object({
  sessionId: z.string().check(z.minLength(1), z.maxLength(64)),
  lastSeq: z.int().check(z.nonnegative()),
});

export type ResumePoint = z.infer<typeof resumePointSchema>;

export class SessionStore {
  constructor(
    private readonly storage: StorageLike,
    /** One record per bridge and agent, so two configurations in one tab do not share a session. */
    private readonly key: string,
  ) {}

  load(): ResumePoint | undefined {
    let raw: string | null;
    try {
      raw = this.storage.getItem(this.key);
    } catch {
      return undefined;
    }
    if (raw === null) return undefined;
    try {
      const parsed = resumePointSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  save(point: ResumePoint): void {
    try {
      this.storage.setItem(this.key, JSON.stringify(point));
    } catch {
      // A full or disabled storage only costs the resume after a reload; the live session goes on.
    }
  }

  clear(): void {
    try {
      this.storage.removeItem(this.key);
    } catch {
      // As above: nothing to undo.
    }
  }
}
