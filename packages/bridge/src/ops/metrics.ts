import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The bridge's Prometheus metrics, in a registry of its own (two bridges in one process, as in the
 * tests, never collide). Served at `/metrics`.
 */
export interface MetricSources {
  sessions(): number;
  sockets(): number;
  /** UTF-8 bytes held in every session's replay buffer. */
  replayBytes(): number;
}

export class BridgeMetrics {
  readonly registry = new Registry();
  readonly commands: Counter<'type' | 'outcome'>;
  readonly fanout: Histogram;
  readonly userDataRefused: Counter<'limit'>;

  constructor(sources: MetricSources) {
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'ctikit_bridge_sessions',
      help: 'Agent sessions the bridge holds (with or without sockets).',
      registers: [this.registry],
      collect() {
        this.set(sources.sessions());
      },
    });
    new Gauge({
      name: 'ctikit_bridge_sockets',
      help: 'Open agent sockets on /genesysWs.',
      registers: [this.registry],
      collect() {
        this.set(sources.sockets());
      },
    });
    new Gauge({
      name: 'ctikit_bridge_replay_buffer_bytes',
      help: "Bytes of frames held for resume, over every session's replay buffer (each bounded by replayBufferBytes).",
      registers: [this.registry],
      collect() {
        this.set(sources.replayBytes());
      },
    });
    this.userDataRefused = new Counter({
      name: 'ctikit_bridge_user_data_refused_total',
      help: 'Commands refused with USER_DATA_TOO_LARGE, by the limit they passed (keys, value, total).',
      labelNames: ['limit'],
      registers: [this.registry],
    });
    this.commands = new Counter({
      name: 'ctikit_bridge_commands_total',
      help: 'Commands received on POST /genesys/events, by command type and outcome (OK or an error code).',
      labelNames: ['type', 'outcome'],
      registers: [this.registry],
    });
    this.fanout = new Histogram({
      name: 'ctikit_bridge_event_fanout_seconds',
      help: "Time from a contact-center event reaching the bridge to its frame being written to every one of the session's sockets.",
      buckets: [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1],
      registers: [this.registry],
    });
  }
}
