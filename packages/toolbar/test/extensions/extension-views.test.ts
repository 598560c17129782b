import { describe, expect, it } from 'vitest';
import { desktopOptionsSchema } from '../../src/extensions/desktop-options.ts';
import { expandUrl, parseExtensionsSetup } from '../../src/extensions/extension-views.ts';

const ACCEPTED = { 'service-client-api.accepted-web-content-origins': 'https://apps.example.com' };

describe('web extension views', () => {
  it('reads workspace and interaction views from the sections the [interaction-workspace] section names', () => {
    const { value, problems } = parseExtensionsSetup(
      {
        'interaction-workspace': {
          ...ACCEPTED,
          'workspace.web-content': 'Search, Presence',
          'interaction.web-content': 'Notes',
        },
        Search: { label: 'CRM search', url: 'https://apps.example.com/search' },
        Presence: { label: 'Presence', url: 'https://apps.example.com/presence', mode: 'hidden' },
        Notes: { label: 'Notes', url: 'https://apps.example.com/notes?call={interactionId}&from={ANI}&r={userData.Reason}' },
      },
      'en',
    );
    expect(problems).toEqual([]);
    expect(value.views).toEqual([
      { name: 'Search', level: 'workspace', label: 'CRM search', url: 'https://apps.example.com/search', hidden: false },
      { name: 'Presence', level: 'workspace', label: 'Presence', url: 'https://apps.example.com/presence', hidden: true },
      {
        name: 'Notes',
        level: 'interaction',
        label: 'Notes',
        url: 'https://apps.example.com/notes?call={interactionId}&from={ANI}&r={userData.Reason}',
        hidden: false,
      },
    ]);
  });

  it('leaves out a view it cannot show and says why', () => {
    const { value, problems } = parseExtensionsSetup(
      {
        'interaction-workspace': {
          ...ACCEPTED,
          'workspace.web-content': 'Missing, NoLabel, Script, Templated, Popup',
          'interaction.web-content': 'Unknown',
        },
        NoLabel: { url: 'https://apps.example.com' },
        Script: { label: 'x', url: 'javascript:alert(1)' },
        Templated: { label: 'x', url: 'https://apps.example.com/?id={interactionId}' },
        Popup: { label: 'x', url: 'https://apps.example.com/', mode: 'popup' },
        Unknown: { label: 'x', url: 'https://apps.example.com/?pin={password}' },
      },
      'en',
    );
    expect(value.views).toEqual([]);
    expect(problems).toHaveLength(6);
  });

  it('warns about a view whose origin is not accepted (shown, but without the API)', () => {
    const { value, problems } = parseExtensionsSetup(
      {
        'interaction-workspace': { 'workspace.web-content': 'Other' },
        Other: { label: 'Other', url: 'https://other.example.com/' },
      },
      'en',
    );
    expect(value.views).toHaveLength(1);
    expect(problems).toEqual(['[Other] https://other.example.com is not an accepted origin: the page is shown but cannot use the API']);
  });

  it("names a view in the agent's language and hands its page that language ({locale})", () => {
    const options = {
      'interaction-workspace': { ...ACCEPTED, 'workspace.web-content': 'Search', 'interaction.web-content': 'Notes' },
      Search: { label: 'CRM search', 'label.ja': 'CRM 検索', url: 'https://apps.example.com/search?lang={locale}' },
      Notes: { label: 'Notes', url: 'https://apps.example.com/notes?call={interactionId}&lang={locale}' },
    };
    const ja = parseExtensionsSetup(options, 'ja');
    expect(ja.problems).toEqual([]);
    expect(ja.value.views.map((view) => [view.label, view.url])).toEqual([
      ['CRM 検索', 'https://apps.example.com/search?lang=ja'],
      ['Notes', 'https://apps.example.com/notes?call={interactionId}&lang=ja'],
    ]);
    expect(parseExtensionsSetup(options, 'en').value.views.map((view) => view.label)).toEqual(['CRM search', 'Notes']);
  });

  it('takes option values as strings, as Genesys options are, and bounds the block', () => {
    const parsed = desktopOptionsSchema.parse({ 'interaction-workspace': { 'service-client-api.rate-limit': 10, flag: true } });
    expect(parsed).toEqual({ 'interaction-workspace': { 'service-client-api.rate-limit': '10', flag: 'true' } });
    expect(desktopOptionsSchema.safeParse({ s: { o: { nested: 1 } } }).success).toBe(false);
    expect(desktopOptionsSchema.parse(undefined)).toEqual({});
  });
});

describe('interaction view URLs', () => {
  const call = {
    fields: { interactionId: 'e-1', ANI: '+1 555 0100', callUuid: 'U1' },
    userData: { Reason: 'billing & more', Secret: '1234' },
  };

  it('fills the call’s data in, URL-encoded; unknown values are empty', () => {
    expect(expandUrl('https://a.example.com/?c={interactionId}&ani={ANI}&d={DNIS}&r={userData.Reason}', call, { patterns: ['*'] })).toBe(
      'https://a.example.com/?c=e-1&ani=%2B1%20555%200100&d=&r=billing%20%26%20more',
    );
  });

  it('never puts a key that is not read-allowed in a URL', () => {
    expect(expandUrl('https://a.example.com/?s={userData.Secret}&r={userData.Reason}', call, { patterns: ['Reason'] })).toBe(
      'https://a.example.com/?s=&r=billing%20%26%20more',
    );
  });
});
