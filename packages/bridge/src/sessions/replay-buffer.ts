/**
 * The last N sequenced frames of a session, already serialised, so a client that reconnects with
 * `resumeFrom` gets exactly the frames it missed, in order, or learns that some are gone.
 * Frames are pushed with consecutive seqs from 1; slot `seq % capacity` holds frame `seq`.
 */
export class ReplayBuffer {
  private readonly slots: string[];
  private lastSeq = 0;

  constructor(private readonly capacity: number) {
    this.slots = new Array<string>(capacity);
  }

  push(seq: number, frame: string): void {
    if (seq !== this.lastSeq + 1) throw new Error(`ReplayBuffer: seq ${seq} after ${this.lastSeq}`);
    this.slots[seq % this.capacity] = frame;
    this.lastSeq = seq;
  }

  /** The frames after `seq`, oldest first; `undefined` when some were already dropped or `seq` is in the future. */
  since(seq: number): string[] | undefined {
    const oldest = Math.max(1, this.lastSeq - this.capacity + 1);
    if (seq > this.lastSeq || seq < oldest - 1) return undefined;
    const frames: string[] = [];
    for (let next = seq + 1; next <= this.lastSeq; next++) frames.push(this.slots[next % this.capacity] as string);
    return frames;
  }
}
