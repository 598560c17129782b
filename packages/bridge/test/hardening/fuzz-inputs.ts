import fc from 'fast-check';
import { commandText, jsonValue } from './wire-arbitraries.ts';

/**
 * The fuzz run's inputs (issue 14): REST requests, client WebSocket frames and WebSocket upgrades,
 * as fast-check arbitraries. Agents are agent1–agent3; the canary (agent4, DN 5004) is never named,
 * so whatever the fuzz does, the canary's calls are its own. Credentials in URLs are the product's:
 * a `ticket` (garbage ones, refused TICKET_INVALID), never a bearer token.
 */

const FUZZ_AGENTS = ['agent1', 'agent2', 'agent3'];
const FUZZ_DNS = ['5001', '5002', '5003', '8000', '8001', '4155550199'];

const printable = (max: number): fc.Arbitrary<string> => fc.stringMatching(new RegExp(`^[\\x20-\\x7e]{0,${max}}$`));

const pathSegment = fc.oneof(
  fc.constantFrom('genesys', 'events', 'reasonCodes', 'genesysWs', 'sim', 'calls', 'agents', 'agent1', 'state', 'hangup', 'healthz', 'toolbar', 'config.json'),
  fc.constantFrom('..', '%2e%2e', '..%2f..%2f', '%zz', '%00', '%E0%A4%A', '%2F', '%u0041', '.%2e', 'x'.repeat(120)),
  fc.stringMatching(/^[A-Za-z0-9._~-]{1,12}$/),
);

const path = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('/genesys/events') },
  { weight: 1, arbitrary: fc.constantFrom('/genesys/reasonCodes', '/healthz', '/sim/calls', '/sim/agents') },
  { weight: 2, arbitrary: fc.array(pathSegment, { minLength: 1, maxLength: 5 }).map((segments) => `/${segments.join('/')}`) },
);

const query = fc.option(
  fc
    .array(fc.tuple(fc.constantFrom('agentId', 'dn', 'resumeFrom', 'sessionId', 'ticket', 'x', '__proto__'), fc.stringMatching(/^[A-Za-z0-9%._-]{0,20}$/)), {
      maxLength: 3,
    })
    .map((pairs) => `?${pairs.map(([key, value]) => `${key}=${value}`).join('&')}`),
  { freq: 3, nil: '' },
);

const body = fc.oneof(
  {
    weight: 6,
    arbitrary: commandText({ connectionId: fc.constantFrom('0071000000000001', '0071000000000002', '0071000000000003'), dn: fc.constantFrom(...FUZZ_DNS) }),
  },
  { weight: 1, arbitrary: jsonValue.map((value) => JSON.stringify(value ?? null)) },
  { weight: 1, arbitrary: printable(200) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      '{',
      '{"type":"initialize"',
      '{"__proto__":{"x":1}}',
      '{"constructor":{"prototype":{"x":1}}}',
      '[]',
      'null',
      '{"type":"initialize"}',
    ),
  },
);

export interface RestInput {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export const restInput: fc.Arbitrary<RestInput> = fc
  .record({
    method: fc.oneof({ weight: 8, arbitrary: fc.constant('POST') }, { weight: 2, arbitrary: fc.constantFrom('GET', 'OPTIONS', 'PUT', 'DELETE', 'PATCH') }),
    path,
    query,
    contentType: fc.oneof(
      { weight: 6, arbitrary: fc.constant('application/json') },
      {
        weight: 1,
        arbitrary: fc.constantFrom('text/plain', 'application/json; charset=latin1', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'),
      },
      { weight: 1, arbitrary: printable(30) },
    ),
    agentId: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...FUZZ_AGENTS) }, { weight: 1, arbitrary: printable(70) }),
    dn: fc.option(fc.oneof(fc.constantFrom(...FUZZ_DNS), printable(70)), { freq: 6, nil: undefined }),
    referenceId: fc.option(printable(80), { freq: 3, nil: undefined }),
    origin: fc.option(fc.constantFrom('http://localhost:8087', 'https://evil.example', 'null', 'http://127.0.0.1', 'file://'), { freq: 3, nil: undefined }),
    body,
  })
  .map(({ method, path: p, query: q, contentType, agentId, dn, referenceId, origin, body: b }) => ({
    method,
    path: `${p}${q}`,
    headers: {
      'content-type': contentType,
      'x-agent-id': agentId,
      ...(dn !== undefined ? { 'x-agent-dn': dn } : {}),
      ...(referenceId !== undefined ? { 'x-reference-id': referenceId } : {}),
      ...(origin !== undefined ? { origin } : {}),
    },
    body: method === 'GET' || method === 'OPTIONS' ? undefined : b,
  }));

/** A client frame on an agent socket: text (JSON-ish or not) or binary. */
export const socketFrame: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  { weight: 3, arbitrary: body },
  { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2_000 }) },
);

/** A hand-written upgrade request: path, query and headers right, wrong or missing. */
export const upgradeRequest: fc.Arbitrary<string> = fc
  .record({
    method: fc.oneof({ weight: 6, arbitrary: fc.constant('GET') }, { weight: 1, arbitrary: fc.constantFrom('POST', 'PUT', 'OPTIONS') }),
    path: fc.oneof(
      { weight: 5, arbitrary: fc.constant('/genesysWs') },
      { weight: 1, arbitrary: fc.constantFrom('/sim/events', '/elsewhere', '/genesysWs/', '/%zz') },
    ),
    query: fc
      .array(
        fc.tuple(
          fc.constantFrom('agentId', 'dn', 'resumeFrom', 'sessionId', 'ticket', '__proto__'),
          fc.oneof(fc.constantFrom(...FUZZ_AGENTS, '0', '3', '', '0x3', '-1', '1e2'), fc.stringMatching(/^[A-Za-z0-9%._-]{0,70}$/)),
        ),
        { maxLength: 3 },
      )
      .map((pairs) => (pairs.length ? `?${pairs.map(([key, value]) => `${key}=${value}`).join('&')}` : '')),
    upgrade: fc.oneof({ weight: 5, arbitrary: fc.constant('websocket') }, { weight: 1, arbitrary: fc.constantFrom('h2c', 'WebSocket', '', 'websocket, h2c') }),
    key: fc.oneof({ weight: 5, arbitrary: fc.constant('dGhlIHNhbXBsZSBub25jZQ==') }, { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9+/=]{0,30}$/) }),
    version: fc.oneof({ weight: 5, arbitrary: fc.constant('13') }, { weight: 1, arbitrary: fc.constantFrom('8', '12', '', 'x', '13, 8') }),
    host: fc.oneof({ weight: 5, arbitrary: fc.constant('127.0.0.1') }, { weight: 1, arbitrary: fc.constantFrom('evil.example', 'localhost:1', '[::1]', '') }),
    origin: fc.option(fc.constantFrom('http://localhost:8087', 'https://evil.example', 'null'), { freq: 2, nil: undefined }),
    protocol: fc.option(fc.constantFrom('chat', 'a,,b', ' ', 'x y'), { freq: 1, nil: undefined }),
  })
  .map(({ method, path: p, query: q, upgrade, key, version, host, origin, protocol }) => {
    const headers: Array<[string, string]> = [
      ['Host', host],
      ['Connection', 'Upgrade'],
      ['Upgrade', upgrade],
      ['Sec-WebSocket-Key', key],
      ['Sec-WebSocket-Version', version],
      ...(origin !== undefined ? ([['Origin', origin]] as Array<[string, string]>) : []),
      ...(protocol !== undefined ? ([['Sec-WebSocket-Protocol', protocol]] as Array<[string, string]>) : []),
    ];
    return `${method} ${p}${q} HTTP/1.1\r\n${headers.map(([name, value]) => `${name}: ${value}`).join('\r\n')}\r\n\r\n`;
  });
