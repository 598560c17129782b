/** What the list orders agents by: when each became idle, then its place in the configuration. */
export interface IdleAgent {
  readonly idleSince: number;
  readonly order: number;
}

interface FreeNode<A extends IdleAgent> {
  readonly agent: A;
  prev: FreeNode<A> | undefined;
  next: FreeNode<A> | undefined;
}

/** Longest idle first; agents idle since the same moment in configuration order. */
export function longestIdleFirst(a: IdleAgent, b: IdleAgent): number {
  return a.idleSince - b.idleSince || a.order - b.order;
}

/**
 * The free agents of one queue, longest idle first: a doubly linked list in `longestIdleFirst`
 * order with a node per agent, so routing an offer never walks the queue's agents.
 *
 * - `add` (re)places an agent by its `idleSince`. An agent becomes free at the switch's current
 *   time, so its place is at the tail, or a few ties before it: O(1) while the clock only advances.
 * - `delete` is O(1).
 * - `first` returns the longest-idle agent a predicate accepts. Availability is checked there, not
 *   kept up to date on every state change: an agent that stopped being free (went NotReady, got a
 *   call) is dropped when `first` meets it, and added again when it is free again. Each agent is
 *   dropped at most once per time it was added, so the walk is O(1) amortized, plus the agents the
 *   predicate refuses (those who rejected the call).
 */
export class FreeAgents<A extends IdleAgent> {
  private head: FreeNode<A> | undefined;
  private tail: FreeNode<A> | undefined;
  private readonly nodes = new Map<A, FreeNode<A>>();

  constructor(private readonly isFree: (agent: A) => boolean) {}

  /** The agents in the list, free or not yet dropped. */
  get size(): number {
    return this.nodes.size;
  }

  add(agent: A): void {
    this.delete(agent);
    let before = this.tail;
    while (before && longestIdleFirst(agent, before.agent) < 0) before = before.prev;
    const node: FreeNode<A> = { agent, prev: before, next: before ? before.next : this.head };
    if (node.next) node.next.prev = node;
    else this.tail = node;
    if (before) before.next = node;
    else this.head = node;
    this.nodes.set(agent, node);
  }

  delete(agent: A): void {
    const node = this.nodes.get(agent);
    if (!node) return;
    this.nodes.delete(agent);
    if (node.prev) node.prev.next = node.next;
    else this.head = node.next;
    if (node.next) node.next.prev = node.prev;
    else this.tail = node.prev;
  }

  /** The longest-idle free agent that `accept`s, dropping on the way the agents no longer free. */
  first(accept: (agent: A) => boolean = () => true): A | undefined {
    let node = this.head;
    while (node) {
      const { agent, next } = node;
      if (!this.isFree(agent)) this.delete(agent);
      else if (accept(agent)) return agent;
      node = next;
    }
    return undefined;
  }
}
