import { toolbarViolations } from '../support/axe.ts';
import { answered, available, OLIVIA, shown, UNKNOWN } from '../support/call-steps.ts';
import { expect, test } from './scenario-test.ts';

/**
 * What agents of the big desktops have beside the call controls (issue 16): the recent calls with
 * their outcome and Call back, the agent's own day, the queues' status, keyboard shortcuts, the header
 * in the colour of the agent's state (the ring of a call coming in while the agent looks away: ring.spec.ts).
 */

const HEADER_COLOURS = {
  'Logged out': 'rgb(92, 99, 112)',
  Available: 'rgb(30, 122, 52)',
  'Not ready': 'rgb(138, 86, 8)',
  'On a call': 'rgb(31, 95, 168)',
  'Wrap-up': 'rgb(107, 63, 160)',
} as const;

test.describe('Agent tools', () => {
  test('recent calls list each call with its outcome, survive a reload, and Call back dials; My day counts the handled call', async ({
    demo,
    agent,
    sim,
    ccp,
  }) => {
    const { page, toolbar, phone } = demo;
    const tools = () => demo.page.frameLocator('iframe[title="Media toolbar"]').getByRole('region', { name: 'Agent tools' });
    await expect(tools().getByRole('tab', { name: 'Recent' })).toHaveAttribute('aria-selected', 'true');
    await expect(tools().getByRole('tabpanel')).toHaveText('No calls yet.');

    await answered(demo, ccp, agent, sim);
    await expect(toolbar.currentCall.getByRole('timer', { name: 'Call duration' })).toHaveText(/^00:0[2-9]$/);
    await toolbar.control('Hang up').click();
    await expect(toolbar.wrapUp).toContainText('Call ended');
    await toolbar.wrapUp.getByRole('button', { name: 'Done' }).click();
    await expect(toolbar.wrapUp).toBeHidden();

    await sim.placeCall(OLIVIA, agent.dn);
    await expect(toolbar.incomingCall).toContainText('Olivia Bennett');
    await toolbar.incomingCall.getByRole('button', { name: 'Decline' }).click();
    await expect(toolbar.incomingCall).toBeHidden();

    const calls = tools().getByRole('listitem');
    await expect(calls).toHaveCount(2);
    await expect(calls.nth(0)).toContainText('Olivia Bennett');
    await expect(calls.nth(0)).toContainText('Declined');
    await expect(calls.nth(1)).toContainText('Answered');
    await expect(calls.nth(1)).toContainText(/Incoming · [^·]*\d\d:\d\d[^·]* · 00:0[2-9] · \+14155550142/);
    expect.soft(await toolbarViolations(page), 'recent calls').toEqual([]);

    await tools().getByRole('tab', { name: 'My day' }).click();
    const day = tools().getByRole('tabpanel');
    await expect(day.getByRole('definition').first()).toHaveText('1');
    await expect(day).toContainText('Average handle time');
    await expect(day.getByRole('row', { name: /^On calls/ })).toContainText(/00:0[2-9]/);
    await expect(day.getByRole('row', { name: /^Available/ })).toBeVisible();
    expect.soft(await toolbarViolations(page), 'my day').toEqual([]);

    // The list is the agent's, kept in the browser: the toolbar reloaded shows it again.
    const frame = page.frames().find((candidate) => new URL(candidate.url()).pathname === '/toolbar/');
    if (!frame) throw new Error('the toolbar frame is missing');
    await frame.goto(frame.url());
    await expect(tools().getByRole('listitem')).toHaveCount(2);
    // The agent's session resumes: still available.
    await expect(toolbar.agentStateText).toHaveText('Available');

    await tools().getByRole('button', { name: 'Call back Olivia Bennett' }).first().click();
    await expect(toolbar.outgoingCall).toContainText('Calling…');
    await expect(toolbar.outgoingCall).toContainText(shown(OLIVIA));
    await expect(phone.customerCall(OLIVIA)).toContainText('Incoming call');
    // While a call is going on, nothing else is dialed from the list.
    await expect(tools().getByRole('button', { name: 'Call back Olivia Bennett' }).first()).toBeDisabled();
  });

  test("queue status: the agent's queues, with the calls waiting and the longest wait where the contact center gives figures", async ({
    demo,
    sim,
    vendor,
  }) => {
    const tools = demo.page.frameLocator('iframe[title="Media toolbar"]').getByRole('region', { name: 'Agent tools' });
    if (vendor === 'genesys') await sim.placeCall(UNKNOWN, '8001');
    await tools.getByRole('tab', { name: 'Queues' }).click();
    const panel = tools.getByRole('tabpanel');
    if (vendor === 'genesys') {
      await expect(panel.getByRole('row', { name: /^Sales/ })).toHaveText(/^Sales1\d\d:\d\d$/);
      await expect(panel.getByRole('row', { name: /^Support/ })).toHaveText('Support000:00');
    } else {
      // Streams lists the routing profile's queues, and no figures: none is made up.
      await expect(panel).toContainText('gives the agent client no queue figures');
      await expect(panel.getByRole('listitem')).toHaveText(['Support', 'Sales']);
      await expect(panel.getByRole('table')).toHaveCount(0);
    }
    expect.soft(await toolbarViolations(demo.page), 'queues').toEqual([]);
  });

  test('keyboard shortcuts answer, hold, resume, mute and hang up while the toolbar has the focus; the header takes each state’s colour, in words', async ({
    demo,
    agent,
    sim,
    ccp,
  }) => {
    const { page, toolbar } = demo;
    const frame = page.frameLocator('iframe[title="Media toolbar"]');
    const tools = frame.getByRole('region', { name: 'Agent tools' });
    const header = frame.locator('.activity');
    const expectHeader = async (text: keyof typeof HEADER_COLOURS) => {
      await expect(header).toHaveText(text);
      await expect(header).toHaveCSS('background-color', HEADER_COLOURS[text]);
    };
    await expectHeader('Logged out');

    await tools.getByRole('tab', { name: 'Shortcuts' }).click();
    const list = tools.getByRole('tabpanel');
    await expect(list).toContainText('AnswerAlt+Shift+A');
    await expect(list).toContainText('Hang up (or decline)Alt+Shift+H');
    await expect(list).toContainText('Hold / resumeAlt+Shift+O');
    await expect(list).toContainText('Mute / unmuteAlt+Shift+M');
    expect.soft(await toolbarViolations(page), 'shortcuts').toEqual([]);

    await toolbar.goNotReady('Break');
    await expectHeader('Not ready');
    await available(demo, ccp);
    await expectHeader('Available');
    await sim.placeCall(OLIVIA, agent.dn);
    const accept = toolbar.incomingCall.getByRole('button', { name: 'Accept' });
    await expect(accept).toHaveAttribute('aria-keyshortcuts', 'Alt+Shift+A');
    await expect(toolbar.incomingCall.getByRole('button', { name: 'Decline' })).toHaveAttribute('aria-keyshortcuts', 'Alt+Shift+H');
    // The keys go to the frame with the focus: the toolbar's.
    await tools.getByRole('tab', { name: 'Shortcuts' }).focus();
    await page.keyboard.press('Alt+Shift+A');
    await expect(toolbar.currentCall).toContainText('On call');
    await expectHeader('On a call');
    await expect(toolbar.control('Hold')).toHaveAttribute('aria-keyshortcuts', 'Alt+Shift+O');

    await page.keyboard.press('Alt+Shift+O');
    await expect(toolbar.currentCall).toContainText('On hold');
    await page.keyboard.press('Alt+Shift+O');
    await expect(toolbar.control('Hold')).toBeVisible();
    await page.keyboard.press('Alt+Shift+M');
    await expect(toolbar.currentCall).toContainText('Muted');
    await page.keyboard.press('Alt+Shift+M');
    await expect(toolbar.control('Mute')).toBeVisible();
    await page.keyboard.press('Alt+Shift+H');
    await expect(toolbar.wrapUp).toContainText('Call ended');
    await expectHeader('Wrap-up');
    expect.soft(await toolbarViolations(page), 'wrap-up header').toEqual([]);
  });
});

test.describe('Agent tools in Japanese', () => {
  test.use({ toolbarParams: { locale: 'ja' } });

  test('the tabs, the header and the panels read in Japanese', async ({ demo }) => {
    const frame = demo.page.frameLocator('iframe[title="Media toolbar"]');
    const tools = frame.getByRole('region', { name: 'エージェントツール' });
    await expect(frame.locator('.activity')).toHaveText('ログアウト中');
    await expect(tools.getByRole('tab')).toHaveText(['履歴', '今日の実績', 'キュー', 'ショートカット']);
    await expect(tools.getByRole('tabpanel')).toHaveText('まだ通話はありません。');
    await tools.getByRole('tab', { name: '今日の実績' }).click();
    await expect(tools.getByRole('tabpanel')).toHaveText('サインインすると集計が始まります。');
    await tools.getByRole('tab', { name: 'ショートカット' }).click();
    await expect(tools.getByRole('tabpanel')).toContainText('応答Alt+Shift+A');
    expect.soft(await toolbarViolations(demo.page), 'Japanese tools').toEqual([]);
  });
});
