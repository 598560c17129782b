/**
 * Where the toolbar keeps what must survive a reload of its page (the Genesys session, what Fusion
 * knows of each interaction, Amazon click-to-dial ids): the Web Storage API, injected so Node tests
 * pass a memory one.
 */

/** The Web Storage API (sessionStorage in the browser). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A storage that keeps nothing past the page: for platforms without sessionStorage. */
export class MemoryStorage implements StorageLike {
  private readonly items = new Map<string, string>();

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }
}

/**
 * The page's sessionStorage, else a storage that forgets. A frame from another site whose browser
 * blocks third-party storage throws a SecurityError on the mere access, so it is read in a try.
 */
export function pageSessionStorage(): StorageLike {
  try {
    return (globalThis as { sessionStorage?: StorageLike }).sessionStorage ?? new MemoryStorage();
  } catch {
    return new MemoryStorage();
  }
}
