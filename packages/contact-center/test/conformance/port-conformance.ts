import { afterEach, beforeEach, describe } from 'vitest';
import { agentAndCallTests } from './agent-and-call-tests.ts';
import { directoryTests } from './directory-tests.ts';
import { featureTests } from './feature-tests.ts';
import { CONFORMANCE_CONFIG, Scenario } from './scenario.ts';
import type { ConformanceBackend } from './scenario.ts';

export type { ConformanceBackend, ConformanceTarget } from './scenario.ts';

/**
 * The contact-center port's conformance suite, written once and run against every backend: the
 * embedded simulator, and the Genesys Workspace API backend talking over HTTP and CometD to the
 * Workspace API face of a simulator. Each test drives the agent side through the port and the
 * customer side through the simulator's control, and asserts the events each DN receives (names,
 * order, ConnIDs), the requests' outcomes and error codes, and the DN snapshots.
 */
export function describePortConformance(backend: ConformanceBackend): void {
  describe(`contact-center port conformance: ${backend.name}`, () => {
    let scenario: Scenario | undefined;

    beforeEach(async () => {
      scenario = new Scenario(await backend.start(CONFORMANCE_CONFIG));
    });

    afterEach(async () => {
      scenario?.log.close();
      await scenario?.target.close();
      scenario = undefined;
    });

    const current = (): Scenario => {
      if (!scenario) throw new Error('no scenario: the test runs outside beforeEach');
      return scenario;
    };
    agentAndCallTests(current, backend);
    featureTests(current);
    directoryTests(current, backend);
  });
}
