import { ManualClock } from '@ctikit/kernel';
import { createSimulator, parseSimulatorConfig } from '@ctikit/contact-center';
import { describePortConformance } from './port-conformance.ts';

/** The conformance suite against the embedded simulator, in process, on a ManualClock. */
describePortConformance({
  name: 'embedded simulator',
  reportsReleaseCauses: true,
  reportsLoggedOutAgents: true,
  async start(config) {
    const simulator = createSimulator(parseSimulatorConfig(config), new ManualClock());
    return { port: simulator, control: simulator, close: () => simulator.close() };
  },
});
