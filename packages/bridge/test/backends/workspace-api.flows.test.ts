import { describeFlows } from '../../../contact-center/test/conformance/flow-conformance.ts';
import { CONFORMANCE_CONFIG, CUSTOMER } from '../../../contact-center/test/conformance/scenario.ts';
import { startWorkspaceTarget } from './workspace-target.ts';

/** The agent flows against the Workspace API backend, over HTTP and CometD to ctikit's Workspace face. */
describeFlows({
  name: "Workspace API backend on ctikit's Workspace face",
  conference: 'supported',
  async start() {
    const target = await startWorkspaceTarget(CONFORMANCE_CONFIG);
    return {
      port: target.port,
      agent: { agentId: 'agent1', dn: '5001' },
      colleague: { agentId: 'agent2', dn: '5002' },
      reasonCode: 'Lunch',
      customer: CUSTOMER,
      callIn: async (dn, from) => void target.simulator.placeCall({ from, to: dn }),
      customerAnswers: async (connectionId) => target.simulator.customerAnswer(connectionId),
      close: () => target.close(),
    };
  },
});
