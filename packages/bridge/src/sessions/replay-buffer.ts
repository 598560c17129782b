/**
 * The last sequenced frames of a session, already serialised, so a client that reconnects with
 * `resumeFrom` gets exactly the frames it missed, in order, or learns that some are gone. Bounded
 * twice: at most `capacity` frames and at most `maxBytes` of UTF-8 (the oldest go first), so one
 * agent whose frames are large (big user data) cannot hold more than its share of memory.
 * Frames are pushed with consecutive seqs from 1; slot `seq % capacity` holds frame `seq`. The slots
 * grow as frames come (an idle session holds none), up to `capacity`.
 */
export class ReplayBuffer {
  private readonly slots: Array<string | undefined> = [];
  private readonly sizes: number[] = [];
  private lastSeq = 0;
  /** The oldest seq still held (`lastSeq + 1` when none is). */
  private oldestSeq = 1;
  private heldBytes = 0;

  constructor(
    private readonly capacity: number,
    private readonly maxBytes: number,
  ) {}

  /** UTF-8 bytes of the frames held. */
  get bytes(): number {
    return this.heldBytes;
  }

  push(seq: number, frame: string): void {
    if (seq !== this.lastSeq + 1) throw new Error(`ReplayBuffer: seq ${seq} after ${this.lastSeq}`);
    if (seq - this.oldestSeq >= this.capacity) this.dropOldest();
    const size = Buffer.byteLength(frame);
    this.slots[seq % this.capacity] = frame;
    this.sizes[seq % this.capacity] = size;
    this.heldBytes += size;
    this.lastSeq = seq;
    while (this.heldBytes > this.maxBytes) this.dropOldest();
  }

  /** Let every frame go (the session is over). */
  clear(): void {
    this.slots.length = 0;
    this.sizes.length = 0;
    this.heldBytes = 0;
    this.oldestSeq = this.lastSeq + 1;
  }

  /** The frames after `seq`, oldest first; `undefined` when some were already dropped or `seq` is in the future. */
  since(seq: number): string[] | undefined {
    if (seq > this.lastSeq || seq < this.oldestSeq - 1) return undefined;
    const frames: string[] = [];
    for (let next = seq + 1; next <= this.lastSeq; next++) frames.push(this.slots[next % this.capacity] as string);
    return frames;
  }

  private dropOldest(): void {
    const slot = this.oldestSeq % this.capacity;
    this.heldBytes -= this.sizes[slot] ?? 0;
    this.slots[slot] = undefined;
    this.sizes[slot] = 0;
    this.oldestSeq += 1;
  }
}
