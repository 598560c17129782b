import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startBridge } from '../packages/bridge/test/harness.ts';
import { runFuzz } from '../packages/bridge/test/hardening/fuzz-run.ts';

/**
 * `npm run bench:fuzz`: the long version of the bounded fuzz test in `npm test` (issue 14), on
 * loopback against a bridge in this process. Each batch sends generated REST requests, client frames
 * and upgrades, then checks that the canary agent still gets, answers and hangs up its call, that no
 * answer is a 500 or outside the error catalog, and that sessions and replay bytes stay within their
 * bounds; a failure names its seed. It prints the inputs sent, the rate, the answers by status and
 * the heap and RSS after each batch, so memory growth across a run shows.
 *
 * Options: BATCHES=40 (about 3,300 inputs each: 132,000 in all), SEED (default: the clock), as
 * environment variables or --batches, --seed.
 */

const { values } = parseArgs({ options: { batches: { type: 'string' }, seed: { type: 'string' } } });
const BATCHES = Number(values.batches ?? process.env['BATCHES'] ?? 40);
const SEED = Number(values.seed ?? process.env['SEED'] ?? Date.now() % 1_000_000);
for (const [name, value] of Object.entries({ BATCHES, SEED })) {
  if (!Number.isInteger(value) || value < 0 || (name === 'BATCHES' && value === 0))
    throw new Error(`${name} must be a non-negative integer (BATCHES at least 1)`);
}

const pages = mkdtempSync(join(tmpdir(), 'ctikit-fuzz-pages-'));
mkdirSync(join(pages, 'toolbar'));
writeFileSync(join(pages, 'index.html'), '<!doctype html><title>demo</title>');
writeFileSync(join(pages, 'toolbar', 'config.json'), '{}');
const t = await startBridge({
  rateLimit: { perSecond: 1_000_000, burst: 1_000_000 },
  staticDirs: [
    { dir: pages, prefix: '/' },
    { dir: join(pages, 'toolbar'), prefix: '/toolbar/' },
  ],
});
const started = performance.now();
try {
  console.log(`fuzzing ${BATCHES} batches from seed ${SEED}…`);
  const figures = await runFuzz(t, { seed: SEED, batches: BATCHES, restPerBatch: 1_500, framesPerBatch: 1_500, upgradesPerBatch: 300, concurrency: 8 });
  const seconds = (performance.now() - started) / 1000;
  const inputs = figures.rest + figures.frames + figures.upgrades;
  const statuses = Object.entries(figures.statuses)
    .map(([status, count]) => `${status}×${count}`)
    .join(' ');
  console.log(`
ctikit fuzz benchmark — ${BATCHES} batches, seed ${SEED}, loopback, bridge in-process
  inputs                 ${inputs} (${figures.rest} REST, ${figures.frames} socket frames, ${figures.upgrades} upgrades) in ${seconds.toFixed(1)} s: ${Math.round(inputs / seconds)} /s
  answers by status      ${statuses}
  canary calls served    ${figures.canaryCalls} / ${BATCHES}
  heap after each batch  ${figures.heapUsedMb.join(' ')} MB
  RSS after each batch   ${figures.rssMb.join(' ')} MB`);
} finally {
  await t.close();
  rmSync(pages, { recursive: true, force: true });
}
