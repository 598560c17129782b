import { describePortConformance } from '../../../contact-center/test/conformance/port-conformance.ts';
import { startWorkspaceTarget } from './workspace-target.ts';

/**
 * The contact-center conformance suite (written once, in packages/contact-center/test/conformance)
 * against the Genesys Workspace API backend, over HTTP and CometD to the Workspace API face.
 */
describePortConformance({
  name: 'Genesys Workspace API backend',
  // The Workspace API reports an outbound call that failed as Released, without the busy / no-answer cause.
  reportsReleaseCauses: false,
  // An agent who is not logged in has no availability in the targets search: no state to report.
  reportsLoggedOutAgents: false,
  async start(config) {
    const target = await startWorkspaceTarget(config);
    return { port: target.port, control: target.simulator, close: () => target.close() };
  },
});
