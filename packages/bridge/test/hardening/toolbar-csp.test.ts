import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBridge } from '../../src/index.ts';
import { startBridge } from '../harness.ts';
import type { TestBridge } from '../harness.ts';

/** The toolbar pages the bridge serves carry a Content-Security-Policy; other pages do not. */

const pages = mkdtempSync(join(tmpdir(), 'ctikit-csp-'));
writeFileSync(join(pages, 'index.html'), '<!doctype html><title>page</title>');
const staticDirs = [
  { dir: pages, prefix: '/' },
  { dir: pages, prefix: '/toolbar/' },
];
const FUSION = 'https://pod1.fa.ocs.oraclecloud.com';

let t: TestBridge;
afterEach(async () => {
  await t.close();
});

async function policyOf(path: string): Promise<string | null> {
  const response = await fetch(`${t.url}${path}`);
  expect(response.status, path).toBe(200);
  return response.headers.get('content-security-policy');
}

describe('the toolbar Content-Security-Policy', () => {
  it('dev mode: own scripts and Oracle CDN only, framed by loopback pages', async () => {
    t = await startBridge({ staticDirs });
    const policy = await policyOf('/toolbar/');
    expect(policy).toBe(
      "script-src 'self' https://static.oracle.com; object-src 'none'; base-uri 'self'; frame-ancestors 'self' http://localhost:* http://127.0.0.1:* http://[::1]:*",
    );
    expect(await policyOf('/toolbar/index.html')).toBe(policy);
    expect(await policyOf('/')).toBeNull();
  });

  it("production: framed only by the tenant's Fusion origins as configured", async () => {
    t = await startBridge({
      staticDirs,
      mode: 'production',
      host: '127.0.0.1',
      tokens: [{ token: 'alex-token-0123456789abcdef', agentId: 'agent1' }],
      allowedOrigins: [FUSION],
      toolbarCsp: { frameAncestors: [FUSION], scriptSources: [] },
    });
    expect(await policyOf('/toolbar/')).toBe(`script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors ${FUSION}`);
  });

  it('refuses a source that is not a CSP source expression', () => {
    expect(() => createBridge({ toolbarCsp: { frameAncestors: ['https://fusion.example; script-src *'] } })).toThrow(/CSP source/);
  });
});
