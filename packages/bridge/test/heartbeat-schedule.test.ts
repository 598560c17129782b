import { describe, expect, it } from 'vitest';
import { HeartbeatSchedule } from '../src/sockets/heartbeat-schedule.ts';

describe('HeartbeatSchedule', () => {
  it('gives each socket one interval after it joined, then one interval after its last beat', () => {
    const schedule = new HeartbeatSchedule<string>(15_000, 15, 10);
    schedule.add('a', 0);
    schedule.add('b', 400);
    expect(schedule.take(14_999)).toEqual([]);
    expect(schedule.take(15_000)).toEqual(['a']);
    expect(schedule.take(16_000)).toEqual(['b']);
    expect(schedule.take(29_999)).toEqual([]);
    expect(schedule.take(30_000)).toEqual(['a']);
    schedule.delete('b');
    expect(schedule.take(60_000)).toEqual(['a']);
    expect(schedule.size).toBe(1);
  });

  it('spreads a storm: a tick beats at most max(min, 2 × sockets / ticks), the rest on the next ticks, and they stay spread', () => {
    const schedule = new HeartbeatSchedule<number>(15_000, 15, 10);
    for (let socket = 0; socket < 300; socket++) schedule.add(socket, 0);
    const perTick = (from: number) => Array.from({ length: 15 }, (_, tick) => schedule.take(from + tick * 1_000).length);
    // 2 × 300 / 15 = 40 a tick: the 300 due at 15 s go out over 8 ticks.
    expect(perTick(15_000)).toEqual([40, 40, 40, 40, 40, 40, 40, 20, 0, 0, 0, 0, 0, 0, 0]);
    expect(perTick(30_000)).toEqual([40, 40, 40, 40, 40, 40, 40, 20, 0, 0, 0, 0, 0, 0, 0]);
  });
});
