import { toolbarViolations } from '../support/axe.ts';
import { expect, test } from '../support/demo-test.ts';

/**
 * The toolbar in Japanese, asked for on the demo page as the README says (`/?locale=ja`): its page
 * says so (`<html lang="ja">`), every control reads in Japanese, the contact center's not-ready
 * reasons carry the configuration's Japanese labels (config.json's `reasonLabels`) while their codes
 * stay the contact center's, the agent's state goes to Fusion in Japanese, and the web extensions —
 * their tabs and the sample extension's page — speak Japanese too.
 */

const OLIVIA = '+14155550142';

test.describe('Japanese toolbar', () => {
  test.use({ toolbarParams: { locale: 'ja' } });

  test('shows its strings in Japanese and reports the agent state to Fusion in Japanese', async ({ demo, agent, sim, saveScreenshot }) => {
    const { page, fusion } = demo;
    expect(new URL(page.url()).searchParams.get('locale')).toBe('ja');
    const toolbar = page.frameLocator('iframe[title="Media toolbar"]');
    await expect(toolbar.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(toolbar.getByRole('heading', { level: 1 })).toHaveText('電話');
    const agentState = toolbar.getByRole('region', { name: 'エージェント状態' });
    await expect(agentState.getByRole('paragraph')).toHaveText('ログアウト中');
    await expect(agentState.getByRole('button', { name: '受付不可にする' })).toBeVisible();
    await expect(toolbar.getByRole('region', { name: 'ダイヤル' })).toBeVisible();

    await agentState.getByRole('button', { name: '受付可にする' }).click();
    await expect(agentState.getByRole('paragraph')).toHaveText('受付可');
    await expect(toolbar.getByRole('status', { name: '接続状態' })).toHaveText('接続済み');
    await expect(fusion.phoneButton).toHaveAccessibleName(/^Phone: Available \(受付可\)$/);

    await sim.placeCall(OLIVIA, agent.dn);
    const incoming = toolbar.getByRole('region', { name: '着信' });
    await expect(incoming).toContainText('Olivia Bennett');
    await expect(incoming.getByRole('button', { name: '応答' })).toBeVisible();
    await expect(incoming.getByRole('button', { name: '拒否' })).toBeVisible();
    await saveScreenshot('japanese');

    await incoming.getByRole('button', { name: '応答' }).click();
    const current = toolbar.getByRole('region', { name: '現在の通話' });
    await expect(current).toContainText('通話中');
    await expect(current.getByRole('button', { name: '保留', exact: true })).toBeVisible();
    await expect(current.getByRole('button', { name: '切断' })).toBeVisible();
    await expect(toolbar.getByRole('tab', { name: /^通話の情報 · / })).toBeVisible();
    expect(await toolbarViolations(page)).toEqual([]);
  });

  test('names the not-ready reasons in Japanese, in the toolbar, in Fusion and to web extensions, which keep the codes', async ({ demo, agent, sim }) => {
    const { page, fusion } = demo;
    const toolbar = page.frameLocator('iframe[title="Media toolbar"]');
    const agentState = toolbar.getByRole('region', { name: 'エージェント状態' });
    await agentState.getByRole('button', { name: '受付不可にする' }).click();
    await expect(agentState.getByRole('menu').getByRole('menuitem')).toHaveText(['理由なし', '休憩', '昼食', '会議', '研修']);
    await agentState.getByRole('menuitem', { name: '昼食' }).click();
    await expect(agentState.getByRole('paragraph')).toHaveText('受付不可: 昼食');
    await expect.poll(async () => (await sim.agents()).find((a) => a.agentId === agent.agentId)?.reasonCode).toBe('Lunch');
    await expect.poll(async () => (await fusion.uef.last('agentStateEventOperation')).data).toMatchObject({ reasonDisplayString: '昼食' });

    await toolbar.getByRole('tab', { name: 'サンプル拡張機能' }).click();
    const sample = toolbar.frameLocator('iframe[title="サンプル拡張機能"]');
    await expect(sample.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(sample.getByRole('heading', { level: 1 })).toHaveText('サンプル拡張機能');
    await expect(sample.getByRole('status')).toHaveText(/^接続済み · 許可されたサービス \d+ 件$/);
    await expect(sample.getByTestId('agent-state')).toHaveText('Not Ready - 昼食');
    const states = sample.getByLabel('新しい状態');
    await expect(states.locator('option[value="NotReadyReason:Break"]')).toHaveText('Not Ready - 休憩');
    await states.selectOption('NotReadyReason:Meeting');
    await sample.getByRole('button', { name: '状態を設定' }).click();
    await expect(agentState.getByRole('paragraph')).toHaveText('受付不可: 会議');
    await expect.poll(async () => (await sim.agents()).find((a) => a.agentId === agent.agentId)?.reasonCode).toBe('Meeting');
    expect(await toolbarViolations(page)).toEqual([]);
  });
});
