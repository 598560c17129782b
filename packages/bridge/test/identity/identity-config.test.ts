import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBridgeConfig } from '../../src/config-sources.ts';
import { createBridge } from '../../src/index.ts';
import type { Bridge } from '../../src/index.ts';
import { createSimulator, parseSimulatorConfig } from '@ctikit/contact-center';
import { systemClock } from '@ctikit/kernel';
import { DEFAULT_TEST_CONFIG, http } from '../harness.ts';
import { startLocalIssuer } from './local-issuer.ts';
import type { LocalIssuer } from './local-issuer.ts';

/**
 * The config file's `identity` section, as an operator writes it: Fusion's certificate, the
 * directory and the bridge's signing key in files of their own, named relative to the config file.
 */

let dir: string | undefined;
let bridge: Bridge | undefined;
let fusion: LocalIssuer | undefined;
afterEach(async () => {
  await bridge?.close();
  await fusion?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  bridge = undefined;
  fusion = undefined;
  dir = undefined;
});

describe('the identity section of the config file', () => {
  it('reads the certificate, the directory and the signing key from their files, and signs the agent in', async () => {
    fusion = await startLocalIssuer({ issuer: 'www.oracle.com' });
    dir = mkdtempSync(join(tmpdir(), 'ctikit-identity-'));
    const signingKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    writeFileSync(join(dir, 'fusion.pem'), await fusion.certificate());
    writeFileSync(join(dir, 'bridge-key.pem'), signingKey);
    writeFileSync(join(dir, 'agents.yaml'), 'agents:\n  - { user: ALEX_MORGAN, agentId: agent1, dn: "5001", login: amorgan }\n');
    writeFileSync(
      join(dir, 'ctikit.config.yaml'),
      [
        'mode: production',
        'allowedOrigins: [https://toolbar.example.com]',
        'staticDirs: []',
        'identity:',
        '  fusion: { certificateFile: fusion.pem }',
        '  directory: { file: agents.yaml }',
        '  signingKeyFile: bridge-key.pem',
        '  clockSkewSec: 30',
      ].join('\n'),
    );
    const options = await loadBridgeConfig({ config: join(dir, 'ctikit.config.yaml'), port: '0', host: '127.0.0.1', logLevel: 'silent' }, {});
    expect(options.identity).toMatchObject({
      fusion: { certificate: expect.stringContaining('BEGIN CERTIFICATE') },
      directory: { agents: [{ user: 'ALEX_MORGAN', agentId: 'agent1', dn: '5001', login: 'amorgan' }] },
      signingKey: signingKey,
      clockSkewSec: 30,
    });
    bridge = createBridge(options);
    const url = await bridge.listen();
    const token = await fusion.sign({ sub: 'ALEX_MORGAN', prn: 'ALEX_MORGAN' });
    expect(await http(`${url}/genesys/reasonCodes`, { headers: { authorization: `Bearer ${token}` } })).toMatchObject({ status: 200 });
    expect(await http(`${url}/.well-known/jwks.json`)).toMatchObject({ body: { keys: [{ kty: 'EC', alg: 'ES256' }] } });
  });

  it('names the file it cannot read, and refuses an unknown identity key', async () => {
    dir = mkdtempSync(join(tmpdir(), 'ctikit-identity-'));
    writeFileSync(join(dir, 'a.yaml'), 'mode: production\nidentity:\n  fusion: { certificateFile: missing.pem }\n');
    await expect(loadBridgeConfig({ config: join(dir, 'a.yaml') }, {})).rejects.toThrow(/missing\.pem: cannot read the Fusion certificate \(ENOENT\)/);
    writeFileSync(join(dir, 'b.yaml'), 'mode: production\nallowedOrigins: [https://t.example.com]\nidentity:\n  fusoin: {}\n');
    const options = await loadBridgeConfig({ config: join(dir, 'b.yaml') }, {});
    expect(() => createBridge(options)).toThrow(/identity: Unrecognized key: "fusoin"/);
  });

  it('a cluster node needs the shared signing key, which CTIKIT_SIGNING_KEY_FILE names', async () => {
    dir = mkdtempSync(join(tmpdir(), 'ctikit-identity-'));
    const cluster = { CTIKIT_REDIS_URL: 'redis://127.0.0.1:1' };
    const withoutKey = await loadBridgeConfig({ port: '0', logLevel: 'silent' }, cluster);
    const backend = createSimulator(parseSimulatorConfig(DEFAULT_TEST_CONFIG), systemClock);
    expect(() => createBridge({ ...withoutKey, backend })).toThrow(/identity\.signingKey: the nodes of a cluster sign with one key/);
    const signingKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    writeFileSync(join(dir, 'bridge-key.pem'), signingKey);
    const withKey = await loadBridgeConfig({ port: '0', logLevel: 'silent' }, { ...cluster, CTIKIT_SIGNING_KEY_FILE: join(dir, 'bridge-key.pem') });
    expect(withKey.identity).toMatchObject({ signingKey });
    await expect(loadBridgeConfig({}, { CTIKIT_SIGNING_KEY_FILE: join(dir, 'missing.pem') })).rejects.toThrow(
      /missing\.pem: cannot read the signing key \(CTIKIT_SIGNING_KEY_FILE\) \(ENOENT\)/,
    );
  });
});
