import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBridge } from '../harness.ts';
import type { TestBridge } from '../harness.ts';
import { runFuzz } from './fuzz-run.ts';

/**
 * The bounded fuzz run in `npm test` (issue 14): tens of thousands of generated REST requests,
 * client frames and upgrades. Every answer is below 500 and in the catalog's shape; after each
 * batch the canary agent still gets and answers its call, and memory stays bounded. The long
 * version is `npm run bench:fuzz`. A failure names its seed: FUZZ_SEED=<seed> replays it.
 */

let t: TestBridge;
afterEach(async () => {
  await t.close();
});

describe('bounded fuzz', () => {
  it('serves the canary after every batch; no answer is a 500 or outside the catalog; memory stays bounded', async () => {
    const pages = mkdtempSync(join(tmpdir(), 'ctikit-fuzz-pages-'));
    mkdirSync(join(pages, 'toolbar'));
    writeFileSync(join(pages, 'index.html'), '<!doctype html><title>demo</title>');
    writeFileSync(join(pages, 'toolbar', 'config.json'), '{}');
    const staticDirs = [
      { dir: pages, prefix: '/' },
      { dir: join(pages, 'toolbar'), prefix: '/toolbar/' },
    ];
    t = await startBridge({ rateLimit: { perSecond: 1_000_000, burst: 1_000_000 }, staticDirs });
    const seed = Number(process.env['FUZZ_SEED'] ?? Date.now() % 1_000_000);
    const figures = await runFuzz(t, { seed, batches: 10, restPerBatch: 1_500, framesPerBatch: 1_500, upgradesPerBatch: 300, concurrency: 8 });
    expect(figures.rest + figures.frames + figures.upgrades).toBeGreaterThanOrEqual(30_000);
    expect(figures.canaryCalls).toBe(10);
    const [first = 0] = figures.heapUsedMb;
    expect(Math.max(...figures.heapUsedMb) - first, `heap after each batch, MB: ${figures.heapUsedMb.join(', ')} (seed ${seed})`).toBeLessThan(256);
  }, 120_000);
});
