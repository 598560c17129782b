import { describe, expect, it } from 'vitest';
import type { ConformanceBackend, Scenario } from './scenario.ts';

/** The directory (`targets`): the agents with their states, then the queues. */
export function directoryTests(current: () => Scenario, backend: ConformanceBackend): void {
  describe('directory', () => {
    it('lists every agent by name and DN with their state (on a call: Busy), then the queues', async () => {
      const s = current();
      await s.ready('5001');
      await s.talking('5001');
      await s.ready('5002');
      await s.signIn('5003');
      const loggedOut = backend.reportsLoggedOutAgents ? { state: 'LoggedOut' } : {};
      expect(await s.port.targets?.('5002')).toEqual([
        { name: 'Alex Morgan', type: 'agent', dn: '5001', agentId: 'agent1', state: 'Busy' },
        { name: 'Kenji Sato', type: 'agent', dn: '5002', agentId: 'agent2', state: 'Ready' },
        { name: 'Maria Lopez', type: 'agent', dn: '5003', agentId: 'agent3', state: 'NotReady' },
        { name: 'Sam Lee', type: 'agent', dn: '5004', agentId: 'agent4', ...loggedOut },
        { name: 'Support', type: 'queue', dn: '8000' },
        { name: 'Sales', type: 'queue', dn: '8001' },
      ]);
    });
  });
}
