import { describeFlows } from '../../../contact-center/test/conformance/flow-conformance.ts';
import { CUSTOMER, JOHN, THOMAS, startKitTarget } from './kit-target.ts';

/**
 * The agent flows against Genesys' own agent-api-simulator (the kit in $CTIKIT_KITS), through the
 * Workspace API backend over real HTTP and CometD. Its customers answer the agent's calls on their
 * own (after 5 s); it does not simulate conferences (`initiate-conference` answers 501).
 */
describeFlows({
  name: "Workspace API backend on Genesys' agent-api-simulator",
  conference: 'UNSUPPORTED_OPERATION',
  async start() {
    const target = await startKitTarget();
    return {
      port: target.port,
      agent: JOHN,
      colleague: THOMAS,
      reasonCode: 'Break',
      customer: CUSTOMER,
      callIn: (dn, from) => target.callIn(dn === JOHN.dn ? JOHN.agentId : THOMAS.agentId, from),
      customerAnswers: async () => undefined,
      close: () => target.close(),
    };
  },
});
