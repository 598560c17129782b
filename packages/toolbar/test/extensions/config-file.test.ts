import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/app/config-file.ts';
import { parseExtensionsSetup } from '../../src/extensions/extension-views.ts';

describe('agentDesktopOptions in the toolbar’s config file', () => {
  it('is read from the file, values as strings', () => {
    const result = readConfig(
      {
        agentDesktopOptions: {
          'interaction-workspace': { 'workspace.web-content': 'Crm', 'service-client-api.rate-limit': 60 },
          Crm: { label: 'CRM', url: 'https://crm.example.com/' },
        },
      },
      '',
    );
    expect(result).toMatchObject({
      ok: true,
      value: {
        agentDesktopOptions: {
          'interaction-workspace': { 'workspace.web-content': 'Crm', 'service-client-api.rate-limit': '60' },
          Crm: { label: 'CRM', url: 'https://crm.example.com/' },
        },
      },
    });
  });

  it('is never taken from the URL, so a link cannot open the toolbar to another origin', () => {
    const search = `?agentDesktopOptions=${encodeURIComponent(JSON.stringify({ 'interaction-workspace': { 'service-client-api.accepted-web-content-origins': '*' } }))}`;
    expect(readConfig({}, search)).toMatchObject({ ok: true, value: { agentDesktopOptions: {} } });
  });

  it('says what is wrong with a malformed block', () => {
    expect(readConfig({ agentDesktopOptions: { Crm: { url: { nested: true } } } }, '')).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/^agentDesktopOptions: Crm\.url/),
    });
  });
});

describe('the demo’s config.json', () => {
  it('configures the sample extension with nothing the toolbar cannot use', async () => {
    const file: unknown = JSON.parse(await readFile(new URL('../../public/config.json', import.meta.url), 'utf8'));
    const loaded = readConfig(file, '');
    if (!loaded.ok) throw new Error(loaded.detail);
    const { value, problems } = parseExtensionsSetup(loaded.value.agentDesktopOptions, 'en');
    expect(problems).toEqual([]);
    expect(value.views.map((view) => [view.name, view.level, view.hidden])).toEqual([
      ['SampleExtension', 'workspace', false],
      ['CallContext', 'interaction', false],
    ]);
  });
});
