import { describe, expect, it } from 'vitest';
import {
  allowedApis,
  apiFilterFor,
  filterKeys,
  matches,
  parseAcceptedOrigins,
  parseNameList,
  parseRateLimits,
  parseSecurityOptions,
} from '../../src/extensions/security-options.ts';

describe('service-client-api.accepted-web-content-origins', () => {
  it('reads the documented example: no filter, (*), and API lists with namespace wildcards', () => {
    const { value, problems } = parseAcceptedOrigins('http://srv0, http://srv1 (*), http://srv2 (agent.*, voice.dial), http://srv3 (agent.*, interaction.*)');
    expect(problems).toEqual([]);
    expect(value).toEqual([
      { origin: 'http://srv0', apis: { patterns: ['*'] } },
      { origin: 'http://srv1', apis: { patterns: ['*'] } },
      { origin: 'http://srv2', apis: { patterns: ['agent.*', 'voice.dial'] } },
      { origin: 'http://srv3', apis: { patterns: ['agent.*', 'interaction.*'] } },
    ]);
  });

  it('normalises origins (case, default port, trailing slash) and accepts * for any origin', () => {
    const { value } = parseAcceptedOrigins('HTTPS://Apps.Example.com:443/, http://localhost:8088, * (system.getAllowedServices)');
    expect(value.map((rule) => rule.origin)).toEqual(['https://apps.example.com', 'http://localhost:8088', '*']);
  });

  it('is empty by default: nothing is accepted', () => {
    const options = parseSecurityOptions({}).value;
    expect(options.origins).toEqual([]);
    expect(apiFilterFor(options, 'http://localhost:8088')).toBeUndefined();
  });

  it('leaves out what it cannot read and says why: paths, other schemes, unknown APIs, broken parentheses', () => {
    const { value, problems } = parseAcceptedOrigins(
      'http://ok.example.com (voice.dial, voice.explode), https://a.example.com/app, javascript:alert(1), ftp://files, http://b.example.com (agent.*',
    );
    expect(value).toEqual([{ origin: 'http://ok.example.com', apis: { patterns: ['voice.dial'] } }]);
    expect(problems).toHaveLength(5);
    expect(problems[0]).toMatch(/voice\.explode/);
    expect(problems.join('\n')).toMatch(/a\.example\.com\/app/);
  });

  it('picks an origin’s own rule before the * rule', () => {
    const options = parseSecurityOptions({
      'service-client-api.accepted-web-content-origins': '* (system.*), http://crm.example.com (agent.get)',
    }).value;
    expect(apiFilterFor(options, 'http://crm.example.com')).toEqual({ patterns: ['agent.get'] });
    expect(apiFilterFor(options, 'http://other.example.com')).toEqual({ patterns: ['system.*'] });
  });

  it('lists the requests a filter allows, in catalog order', () => {
    expect(allowedApis({ patterns: ['voice.dial', 'agent.*'] })).toEqual(['agent.get', 'agent.getState', 'agent.getStateList', 'agent.setState', 'voice.dial']);
    expect(allowedApis({ patterns: ['voice.start*'] })).toEqual(['voice.startCallRecording']);
    expect(allowedApis({ patterns: [] })).toEqual([]);
  });
});

describe('rate limits', () => {
  it('defaults to no limit and a 30 s quarantine', () => {
    expect(parseRateLimits({}).value).toEqual({ perMinute: 0, perApi: new Map(), quarantineMs: 30_000 });
  });

  it('reads the overall limit, per-API limits and the quarantine delay; 0 s means for good', () => {
    const { value, problems } = parseRateLimits({
      'service-client-api.rate-limit': '60',
      'service-client-api.rate-limit.voice.dial': '5',
      'service-client-api.rate-limit.interaction.setUserData': '0',
      'service-client-api.rate-limit-quarantine-delay': '0',
    });
    expect(problems).toEqual([]);
    expect(value).toEqual({ perMinute: 60, perApi: new Map([['voice.dial', 5]]), quarantineMs: undefined });
  });

  it('reports a limit that is not a whole number and a limit on an unknown request, keeping the defaults', () => {
    const { value, problems } = parseRateLimits({
      'service-client-api.rate-limit': 'ten',
      'service-client-api.rate-limit.voice.explode': '3',
      'service-client-api.rate-limit-quarantine-delay': '-1',
    });
    expect(value).toEqual({ perMinute: 0, perApi: new Map(), quarantineMs: 30_000 });
    expect(problems).toHaveLength(3);
  });
});

describe('user-data read-allowed / write-allowed', () => {
  it('allows every key by default, as Agent Desktop does', () => {
    const { userData } = parseSecurityOptions({}).value;
    expect(filterKeys({ a: 1, IW_CaseUid: 'x' }, userData.read)).toEqual({ a: 1, IW_CaseUid: 'x' });
    expect(matches(userData.write, 'anything')).toBe(true);
  });

  it('keeps only the listed keys, with trailing wildcards; an empty list keeps none', () => {
    const { userData } = parseSecurityOptions({
      'service-client-api.user-data.read-allowed': 'Reason, IW_*',
      'service-client-api.user-data.write-allowed': '',
    }).value;
    expect(filterKeys({ Reason: 'billing', Secret: 'pin', IW_CaseUid: 'c' }, userData.read)).toEqual({ Reason: 'billing', IW_CaseUid: 'c' });
    expect(matches(userData.write, 'Reason')).toBe(false);
  });

  it('drops keys that are not names', () => {
    const { value, problems } = parseNameList('Good, bad key, *x', 'read-allowed');
    expect(value.patterns).toEqual(['Good']);
    expect(problems).toHaveLength(2);
  });
});
