/**
 * Whether a posted message is small and plain enough to be read at all: JSON-like values (plain
 * objects, arrays, strings, numbers, booleans, null) within a size, depth and node budget. The walk
 * stops as soon as a bound is passed, so an oversized or hostile message (a 100 MB string, a deep
 * or cyclic structure, a Blob or ArrayBuffer) costs little before it is dropped.
 */
export interface MessageBounds {
  /** String characters and keys, summed. */
  readonly maxChars: number;
  readonly maxDepth: number;
  readonly maxNodes: number;
}

export const DEFAULT_BOUNDS: MessageBounds = { maxChars: 64 * 1024, maxDepth: 8, maxNodes: 2_000 };

export function withinBounds(value: unknown, bounds: MessageBounds = DEFAULT_BOUNDS): boolean {
  let chars = 0;
  let nodes = 0;
  const visit = (node: unknown, depth: number): boolean => {
    if (++nodes > bounds.maxNodes || depth > bounds.maxDepth) return false;
    switch (typeof node) {
      case 'string':
        chars += node.length;
        return chars <= bounds.maxChars;
      case 'number':
      case 'boolean':
      case 'undefined':
        return true;
      case 'object': {
        if (node === null) return true;
        if (Array.isArray(node)) return node.length <= bounds.maxNodes && node.every((item) => visit(item, depth + 1));
        const prototype: unknown = Object.getPrototypeOf(node);
        if (prototype !== Object.prototype && prototype !== null) return false;
        for (const key in node) {
          chars += key.length;
          if (chars > bounds.maxChars || !visit((node as Record<string, unknown>)[key], depth + 1)) return false;
        }
        return true;
      }
      default:
        return false;
    }
  };
  return visit(value, 0);
}
