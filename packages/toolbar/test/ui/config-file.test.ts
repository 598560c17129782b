import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, readConfig } from '../../src/app/config-file.ts';
import { ORACLE_UEF_SCRIPT_URL } from '../../src/config.ts';

/** A real HTTP server standing in for the host of the toolbar: each path answers a status and a body. */
const files: Record<string, { status: number; body: string }> = {
  '/demo/config.json': {
    status: 200,
    body: JSON.stringify({
      vendor: 'genesys',
      credentials: 'none',
      uefScriptUrl: '/uef/ui-events-framework-client.js',
      reasonCodes: [{ code: 'Break', label: 'Break' }],
    }),
  },
  '/broken/config.json': { status: 200, body: '{ "vendor": ' },
  '/failing/config.json': { status: 503, body: 'unavailable' },
};

let server: Server;
let origin: string;
const fetchConfig = (url: string) => fetch(new URL(url, origin));

beforeAll(async () => {
  server = createServer((request, response) => {
    const file = files[request.url ?? ''];
    response.writeHead(file?.status ?? 404, { 'content-type': 'application/json' });
    response.end(file?.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('loadConfig', () => {
  it('reads config.json and lets the URL parameters win', async () => {
    const result = await loadConfig(fetchConfig, '?locale=ja&agentId=agent2', '/demo/config.json');
    expect(result).toEqual({
      ok: true,
      value: {
        config: expect.objectContaining({
          vendor: 'genesys',
          credentials: 'none',
          agentId: 'agent2',
          locale: 'ja',
          uefScriptUrl: '/uef/ui-events-framework-client.js',
          appClassification: 'ORA_SERVICE',
        }),
        reasonCodes: [{ code: 'Break', label: 'Break' }],
        reasonLabels: {},
        agentDesktopOptions: {},
      },
    });
  });

  it('takes a missing config.json as an empty one', async () => {
    const result = await loadConfig(fetchConfig, '', '/nowhere/config.json');
    expect(result).toMatchObject({ ok: true, value: { config: { vendor: 'genesys', uefScriptUrl: ORACLE_UEF_SCRIPT_URL }, reasonCodes: [] } });
  });

  it('reports a config.json that is not JSON, or that the server fails to give', async () => {
    const broken = await loadConfig(fetchConfig, '', '/broken/config.json');
    expect(broken).toMatchObject({ ok: false, detail: expect.stringContaining('/broken/config.json') });
    expect(await loadConfig(fetchConfig, '', '/failing/config.json')).toEqual({ ok: false, detail: '/failing/config.json: HTTP 503' });
  });

  it('reports a host that cannot be reached', async () => {
    const unreachable = (url: string) => fetch(new URL(url, 'http://127.0.0.1:1'));
    expect(await loadConfig(unreachable, '')).toMatchObject({ ok: false, detail: expect.stringContaining('./config.json') });
  });
});

describe('readConfig', () => {
  it('names what is wrong in the configuration', () => {
    const result = readConfig({ vendor: 'acme' }, '');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.detail).toContain('vendor');
  });

  it('refuses URL credentials without a token', () => {
    expect(readConfig({ credentials: 'url' }, '')).toEqual({ ok: false, detail: 'credentials "url" needs a token parameter' });
    expect(readConfig({ credentials: 'url' }, '?token=abc')).toMatchObject({ ok: true, value: { config: { token: 'abc' } } });
  });
});

describe('what the frame URL may set', () => {
  const hostile = new URLSearchParams({
    uefScriptUrl: 'https://evil.example/x.js',
    bridgeUrl: 'https://evil.example',
    credentials: 'url',
    token: 'stolen-0123456789abcdef',
    ccpUrl: 'https://evil.example/ccp-v2/',
    region: 'eu-west-2',
    vendor: 'amazon',
    offerTimeoutSec: '5',
    urlParameters: 'vendor',
    genesysSignIn: '{"authorizeUrl":"https://evil.example/auth","clientId":"x"}',
    'genesysSignIn.authorizeUrl': 'https://evil.example/auth',
  });

  it('ignores every key that loads code, chooses an endpoint or signs in', () => {
    const result = readConfig({ uefScriptUrl: '/uef/ui-events-framework-client.js' }, `?${hostile}`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.config).toMatchObject({
      uefScriptUrl: '/uef/ui-events-framework-client.js',
      credentials: 'none',
      vendor: 'genesys',
      offerTimeoutSec: 0,
      urlParameters: [],
    });
    for (const key of ['bridgeUrl', 'token', 'ccpUrl', 'region', 'genesysSignIn'] as const) expect(result.value.config[key], key).toBeUndefined();
  });

  it('takes the Genesys sign-in (authorize URL, client, redirect) from the file only, and refuses one that is not a URL', () => {
    const file = { genesysSignIn: { authorizeUrl: 'https://gws.example.com/auth/v3/oauth/authorize', clientId: 'ctikit-toolbar' } };
    expect(readConfig(file, `?${hostile}`)).toMatchObject({ ok: true, value: { config: file } });
    const wrong = readConfig({ genesysSignIn: { authorizeUrl: 'javascript:alert(1)', clientId: 'x' } }, '');
    expect(wrong).toMatchObject({ ok: false, detail: expect.stringContaining('genesysSignIn.authorizeUrl') });
  });

  it('takes locale and agentId from the URL always, and the keys the file opens with urlParameters', () => {
    const result = readConfig({ urlParameters: ['vendor', 'offerTimeoutSec'] }, `?${hostile}&locale=ja&agentId=agent2`);
    expect(result).toMatchObject({
      ok: true,
      value: { config: { locale: 'ja', agentId: 'agent2', vendor: 'amazon', offerTimeoutSec: 5, uefScriptUrl: ORACLE_UEF_SCRIPT_URL } },
    });
  });

  it('refuses a urlParameters list that names a file-only key', () => {
    const result = readConfig({ urlParameters: ['uefScriptUrl'] }, '?uefScriptUrl=https://evil.example/x.js');
    expect(result).toMatchObject({ ok: false, detail: expect.stringContaining('urlParameters') });
  });

  it('refuses reason codes that are not a list of codes and labels', () => {
    const result = readConfig({ reasonCodes: [{ code: 'Break' }] }, '');
    expect(result).toMatchObject({ ok: false, detail: expect.stringContaining('reasonCodes') });
  });

  it("reads the reasons' labels per locale, and refuses a locale it does not speak", () => {
    const result = readConfig({ reasonLabels: { ja: { Break: '休憩' } } }, '');
    expect(result).toMatchObject({ ok: true, value: { reasonLabels: { ja: { Break: '休憩' } } } });
    expect(readConfig({}, '')).toMatchObject({ ok: true, value: { reasonLabels: {} } });
    expect(readConfig({ reasonLabels: { fr: { Break: 'Pause' } } }, '')).toMatchObject({ ok: false, detail: expect.stringContaining('reasonLabels') });
  });
});
