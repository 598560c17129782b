import type { FrameLocator, Page } from '@playwright/test';
import { toolbarViolations } from '../support/axe.ts';
import { answered, colleagueToolbar, OLIVIA } from '../support/call-steps.ts';
import { ToolbarView } from '../support/toolbar-view.ts';
import { expect, test, type Agent, type Demo, type PerVendor, type Vendor } from './scenario-test.ts';

/**
 * Who is who on the agent's calls: the header names the signed-in agent, the transfer panel's field
 * searches the contact center's directory (Genesys: the bridge's agents and queues with their states;
 * Amazon Connect: the quick connects), a consulted colleague shows by name, and a conference says
 * so and lists its parties — named, numbers formatted, with their states — each of whom the agent
 * can drop. At the 900 px and 320 px frame widths, axe-core clean, and in Japanese.
 */

/** Olivia's number as the toolbar shows it: national format in the agent's region (the demo's US). */
const OLIVIA_SHOWN = '(415) 555-0142';

/** What the directory tells of a colleague besides the name: Genesys has their DN and state, a quick connect only its kind. */
const COLLEAGUE_DETAIL: PerVendor<(colleague: Agent) => string> = {
  genesys: (colleague) => `${colleague.dn} · agent · Ready`,
  amazon: () => 'agent',
};

/** The agent's extension in the header: the DN on Genesys; a softphone agent on Amazon Connect has none. */
const EXTENSION: PerVendor<(agent: Agent) => string | undefined> = {
  genesys: (agent) => `Ext. ${agent.dn}`,
  amazon: () => undefined,
};

async function setFrameWidth(page: Page, width: number | undefined): Promise<void> {
  await page.locator('iframe[title="Media toolbar"]').evaluate((frame, px) => {
    (frame as HTMLIFrameElement).style.width = px === undefined ? '' : `${px}px`;
  }, width);
}

/** Consult the colleague picked from the directory by typing part of their name; resolves once they answered. */
async function consultByName(demo: Demo, colleague: Agent, colleagues: ToolbarView, vendor: Vendor): Promise<void> {
  const { toolbar } = demo;
  await toolbar.control('Transfer').click();
  const transfer = toolbar.currentCall.getByRole('group', { name: 'Transfer' });
  const field = transfer.getByRole('combobox', { name: 'Transfer to' });
  await field.fill(colleague.name.slice(0, 3));
  await expect(field).toHaveAttribute('aria-expanded', 'true');
  const option = transfer.getByRole('listbox', { name: 'Directory' }).getByRole('option', { name: `${colleague.name} ${COLLEAGUE_DETAIL[vendor](colleague)}` });
  await expect(option).toBeVisible();
  await field.press('ArrowDown');
  await expect(field).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id')) ?? '');
  await field.press('Enter');
  await expect(field).toHaveValue(colleague.name);
  await expect(field).toHaveAttribute('aria-expanded', 'false');
  await transfer.getByRole('button', { name: 'Consult' }).click();

  await expect(colleagues.incomingCall).toBeVisible();
  await colleagues.incomingCall.getByRole('button', { name: 'Accept' }).click();
  const consultation = toolbar.root.getByRole('region', { name: 'Consultation' });
  await expect(consultation).toContainText(colleague.name);
  await expect(consultation).toContainText('On call');
}

test.describe('Conference, the directory and who is who', () => {
  test('the header names the agent and their extension; the caller’s number shows formatted', async ({ demo, agent, sim, ccp, vendor }) => {
    const { toolbar } = demo;
    await answered(demo, ccp, agent, sim);
    const header = toolbar.root.getByRole('banner');
    await expect(header).toContainText(agent.name);
    const extension = EXTENSION[vendor](agent);
    if (extension !== undefined) await expect(header).toContainText(extension);
    await expect(toolbar.currentCall).toContainText(OLIVIA_SHOWN);
    await expect(toolbar.currentCall).not.toContainText(OLIVIA);
  });

  test('consults a colleague found in the directory by name, joins a conference, lists its parties and drops one', async ({
    demo,
    agent,
    agentPool,
    sim,
    ccp,
    context,
    vendor,
  }) => {
    const { toolbar, page } = demo;
    const colleague = agentPool.next();
    const colleagues = await colleagueToolbar(context, colleague, vendor);
    await answered(demo, ccp, agent, sim);
    await consultByName(demo, colleague, colleagues, vendor);

    await toolbar.root.getByRole('button', { name: 'Conference', exact: true }).click();

    const title = toolbar.currentCall.getByRole('heading', { level: 2 });
    await expect(title).toHaveText('Current callConference');
    const parties = toolbar.currentCall.getByRole('region', { name: 'Conference parties' }).getByRole('listitem');
    await expect(parties).toHaveCount(2);
    await expect(parties.filter({ hasText: 'Olivia Bennett' })).toContainText(OLIVIA_SHOWN);
    await expect(parties.filter({ hasText: 'Olivia Bennett' })).toContainText('Connected');
    await expect(parties.filter({ hasText: colleague.name })).toContainText('Connected');
    await expect
      .poll(async () => (await sim.callOf(agent.dn)).parties.map((party) => party.dn))
      .toEqual(expect.arrayContaining([OLIVIA, agent.dn, colleague.dn]));

    for (const width of [320, 900]) {
      await setFrameWidth(page, width);
      const drop = toolbar.currentCall.getByRole('button', { name: `Drop ${colleague.name}` });
      await expect(drop, `${width} px`).toBeInViewport();
      expect.soft(await toolbarViolations(page), `conference at ${width} px`).toEqual([]);
    }
    await setFrameWidth(page, undefined);

    await toolbar.currentCall.getByRole('button', { name: `Drop ${colleague.name}` }).click();

    await expect(title).toHaveText('Current call');
    await expect(toolbar.currentCall.getByRole('region', { name: 'Conference parties' })).toBeHidden();
    await expect(toolbar.currentCall).toContainText('Olivia Bennett');
    await expect(colleagues.currentCall).toBeHidden();
    await expect.poll(async () => (await sim.callOf(agent.dn)).parties.map((party) => party.dn)).not.toContain(colleague.dn);
    await expect(toolbar.errors).toBeHidden();
  });

  test('the directory combobox says when nothing matches (a typed number is dialed as typed), and Escape closes its list before the panel', async ({
    demo,
    agent,
    sim,
    ccp,
  }) => {
    const { toolbar, page } = demo;
    await answered(demo, ccp, agent, sim);
    await toolbar.control('Transfer').click();
    const transfer = toolbar.currentCall.getByRole('group', { name: 'Transfer' });
    const field = transfer.getByRole('combobox', { name: 'Transfer to' });
    await field.fill('+1 555 0100 777');
    await expect(field).toHaveAttribute('aria-expanded', 'false');
    await expect(transfer.getByText('No match in the directory: the number is dialed as typed')).toBeAttached();
    await field.fill('Supp');
    await expect(transfer.getByRole('option', { name: /^Support .*queue/ })).toBeVisible();
    expect.soft(await toolbarViolations(page), 'directory open').toEqual([]);
    await field.press('Escape');
    await expect(field).toHaveAttribute('aria-expanded', 'false');
    await expect(transfer).toBeVisible();
    await field.press('Escape');
    await expect(transfer).toBeHidden();
  });
});

test.describe('Conference in Japanese', () => {
  test.use({ toolbarParams: { locale: 'ja' } });

  test('names the conference, its parties and their states, and the directory, in Japanese', async ({ demo, agent, agentPool, sim, context, vendor }) => {
    const colleague = agentPool.next();
    const colleagues = await colleagueToolbar(context, colleague, vendor);
    const toolbar: FrameLocator = demo.page.frameLocator('iframe[title="Media toolbar"]');
    const header = toolbar.getByRole('banner');
    const agentState = toolbar.getByRole('region', { name: 'エージェント状態' });
    await agentState.getByRole('button', { name: '受付可にする' }).click();
    await expect(agentState.getByRole('paragraph')).toHaveText('受付可');
    await expect(header).toContainText(agent.name);
    if (vendor === 'genesys') await expect(header).toContainText(`内線 ${agent.dn}`);

    await sim.placeCall(OLIVIA, agent.dn);
    await toolbar.getByRole('region', { name: '着信' }).getByRole('button', { name: '応答' }).click();
    const current = toolbar.getByRole('region', { name: '現在の通話' });
    await expect(current).toContainText('通話中');

    await current.getByRole('button', { name: '転送', exact: true }).click();
    const field = current.getByRole('combobox', { name: '転送先' });
    await field.fill(colleague.name.slice(0, 3));
    const option = current.getByRole('listbox', { name: 'ディレクトリ' }).getByRole('option').first();
    await expect(option).toContainText(colleague.name);
    if (vendor === 'genesys') await expect(option).toContainText('エージェント · 受付可');
    await field.press('ArrowDown');
    await field.press('Enter');
    await current.getByRole('button', { name: '打診' }).click();
    await colleagues.incomingCall.getByRole('button', { name: 'Accept' }).click();
    await expect(toolbar.getByRole('region', { name: '打診中の通話' })).toContainText(colleague.name);
    await toolbar.getByRole('region', { name: '打診中の通話' }).getByRole('button', { name: '会議通話' }).click();

    await expect(current.getByRole('heading', { level: 2 })).toHaveText('現在の通話会議通話');
    const parties = current.getByRole('region', { name: '会議通話の参加者' }).getByRole('listitem');
    await expect(parties).toHaveCount(2);
    await expect(parties.filter({ hasText: colleague.name })).toContainText('通話中');
    await expect(current.getByRole('button', { name: `${colleague.name} を切断` })).toBeVisible();
    expect.soft(await toolbarViolations(demo.page), 'conference in Japanese').toEqual([]);
  });
});
