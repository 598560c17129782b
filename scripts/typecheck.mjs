// Type-checks every program, two at a time: the root program (every package's source and tests,
// e2e, bench, configs: DOM and Node), then each package's source alone in its own environment — the
// protocol and the toolbar core without DOM or Node, the browser packages without Node, the
// services without DOM — so a module that reaches for the wrong platform fails here.
import { spawn } from 'node:child_process';

const PROGRAMS = [
  '.',
  'packages/kernel',
  'packages/protocol',
  'packages/toolbar/src/core',
  'packages/toolbar',
  'packages/service-client',
  'packages/simulators',
  'packages/contact-center',
  'packages/workspace-sim',
  'packages/bridge',
];

function check(program) {
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsc', '-p', program], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ program, ok: code === 0, output }));
  });
}

const queue = [...PROGRAMS];
const results = [];
async function worker() {
  for (let program = queue.shift(); program !== undefined; program = queue.shift()) results.push(await check(program));
}
await Promise.all([worker(), worker()]);
const failed = results.filter((result) => !result.ok);
for (const result of failed) console.error(`typecheck: ${result.program}\n${result.output}`);
console.log(`typecheck: ${results.length - failed.length} of ${results.length} programs clean`);
process.exit(failed.length === 0 ? 0 : 1);
