import { test as base } from '@playwright/test';
import { createBridge, type Bridge } from '@ctikit/bridge';
import { expect, offeredEventId, openDemo, type Demo } from '../support/demo-test.ts';

/**
 * A call the agent lets ring out, on Genesys: the contact center makes the agent not ready with its
 * ring-no-answer reason ("RONA"), which the toolbar names in the agent's words — "Missed call",
 * 「不在着信」 — and the missed call leaves no wrap-up card to dismiss. The suite's shared simulator
 * never lets a call ring out, so this spec runs its own bridge whose simulator does after 2 s.
 */

const OLIVIA = '+14155550142';
const AGENT = { agentId: 'rona01', name: 'Rita Ona', dn: '7001' };

const test = base.extend<{ locale: string; demo: Demo }, { bridge: Bridge }>({
  bridge: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      const bridge = createBridge({
        port: 0,
        logLevel: 'warn',
        simulatorConfig: {
          agents: [{ ...AGENT, queues: ['8000'] }],
          queues: [{ dn: '8000', name: 'Support' }],
          reasonCodes: [{ code: 'Break', label: 'Break' }],
          ringTimeoutSec: 2,
          outboundNoAnswerSec: 600,
          afterCallWork: { enabled: false, timeoutSec: 0 },
        },
      });
      await bridge.listen();
      await use(bridge);
      await bridge.close();
    },
    { scope: 'worker' },
  ],
  locale: 'en',
  demo: async ({ page, bridge, locale }, use) => {
    await use(await openDemo(page, bridge.url, AGENT.agentId, { vendor: 'genesys', locale }));
  },
});

const SAYS = {
  en: {
    available: 'Go available',
    availableState: 'Available',
    missed: 'Not ready: Missed call',
    incoming: 'Incoming call',
    wrapUp: 'Wrap-up',
    agentState: 'Agent state',
  },
  ja: { available: '受付可にする', availableState: '受付可', missed: '受付不可: 不在着信', incoming: '着信', wrapUp: '後処理', agentState: 'エージェント状態' },
} as const;

for (const locale of ['en', 'ja'] as const) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });

    test('a call that rings out: "Missed call", never "RONA"; no wrap-up card; not ready until the agent goes available', async ({ demo, bridge }) => {
      const { page, fusion, phone } = demo;
      const says = SAYS[locale];
      const toolbar = page.frameLocator('iframe[title="Media toolbar"]');
      const agentState = toolbar.getByRole('region', { name: says.agentState });
      await agentState.getByRole('button', { name: says.available }).click();
      await expect(agentState.getByRole('paragraph')).toHaveText(says.availableState);

      await phone.call(OLIVIA, 'Support (8000)');
      await expect(fusion.incomingCall).toContainText('Olivia Bennett');
      const eventId = await offeredEventId(demo);
      await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'closeCommEvent MISSED']);

      await expect(agentState.getByRole('paragraph')).toHaveText(says.missed);
      await expect(toolbar.locator('body')).not.toContainText('RONA');
      await expect(toolbar.getByRole('region', { name: says.incoming })).toBeHidden();
      await expect(toolbar.getByRole('region', { name: says.wrapUp })).toHaveCount(0);
      expect((await fusion.uef.last('agentStateEventOperation')).data).toMatchObject({ isLoggedIn: true, isAvailable: false });

      await phone.customerCall(OLIVIA).getByRole('button', { name: 'Hang up' }).click();
      await expect(phone.customerCall(OLIVIA)).toBeHidden();
      await agentState.getByRole('button', { name: says.available }).click();
      await expect(agentState.getByRole('paragraph')).toHaveText(says.availableState);
      await expect.poll(() => bridge.simulator?.listAgents().find((agent) => agent.agentId === AGENT.agentId)?.state).toBe('Ready');
    });
  });
}
