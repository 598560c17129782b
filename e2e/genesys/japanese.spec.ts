import { expect, test } from '../support/demo-test.ts';

/**
 * The toolbar in Japanese (`locale=ja`): its page says so (`<html lang="ja">`), every control reads in
 * Japanese, and the agent's state goes to Fusion in the agent's language.
 */

test.describe('Japanese toolbar', () => {
  test.use({ toolbarParams: { locale: 'ja' } });

  test('shows its strings in Japanese and reports the agent state to Fusion in Japanese', async ({ demo, agent, sim, saveScreenshot }) => {
    const { page, fusion } = demo;
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

    await sim.placeCall('+14155550142', agent.dn);
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
  });
});
