import { ManualClock } from '@ctikit/kernel';
import { createSimulator, parseSimulatorConfig } from '@ctikit/contact-center';
import { describeFlows } from './flow-conformance.ts';
import { CONFORMANCE_CONFIG, CUSTOMER } from './scenario.ts';

/** The agent flows against the embedded simulator, in process, on a ManualClock. */
describeFlows({
  name: 'embedded simulator',
  conference: 'supported',
  async start() {
    const simulator = createSimulator(parseSimulatorConfig(CONFORMANCE_CONFIG), new ManualClock());
    return {
      port: simulator,
      agent: { agentId: 'agent1', dn: '5001' },
      colleague: { agentId: 'agent2', dn: '5002' },
      reasonCode: 'Lunch',
      customer: CUSTOMER,
      callIn: async (dn, from) => void simulator.placeCall({ from, to: dn }),
      customerAnswers: async (connectionId) => simulator.customerAnswer(connectionId),
      close: () => simulator.close(),
    };
  },
});
