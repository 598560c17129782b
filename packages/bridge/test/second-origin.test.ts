import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBridge, type Bridge } from '../src/index.ts';
import { resolveBridgeOptions } from '../src/options.ts';

/** The second origin: static pages only, on another port, for the web extensions the toolbar frames. */

const opened: Bridge[] = [];
afterEach(async () => {
  for (const bridge of opened.splice(0)) await bridge.close();
});

function pages(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ctikit-extensions-'));
  writeFileSync(join(dir, 'extension.html'), '<!doctype html><title>extension</title>');
  return dir;
}

describe('the web extensions origin', () => {
  it('serves its folders on its own port, and nothing of the bridge', async () => {
    const bridge = createBridge({ port: 0, logLevel: 'silent', staticDirs: [], extensionsPort: 0, extensionStaticDirs: [{ dir: pages(), prefix: '/' }] });
    opened.push(bridge);
    const url = await bridge.listen();
    const second = bridge.extensionsUrl;
    expect(second).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(second).not.toBe(url);
    const page = await fetch(`${second}/extension.html`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>extension</title>');
    expect((await fetch(`${second}/healthz`)).status).toBe(404);
    expect((await fetch(`${second}/genesys/events`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).status).toBe(404);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it('is the next port in dev mode, and absent on an ephemeral port, in production or when turned off', () => {
    expect(resolveBridgeOptions({ port: 8087 }).extensionsPort).toBe(8088);
    expect(resolveBridgeOptions({ port: 0 }).extensionsPort).toBeUndefined();
    expect(resolveBridgeOptions({ port: 8087, extensionsPort: false }).extensionsPort).toBeUndefined();
    expect(
      resolveBridgeOptions({
        port: 8087,
        mode: 'production',
        tokens: [{ token: 'a'.repeat(16), agentId: 'agent1' }],
        allowedOrigins: ['https://x.example.com'],
      }).extensionsPort,
    ).toBeUndefined();
  });
});
