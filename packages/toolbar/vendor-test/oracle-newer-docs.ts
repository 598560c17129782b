/**
 * Members Oracle's newer UEF documentation adds to interfaces of the kit's `uiEventsFramework.d.ts`
 * (July 2024 vintage). The vendor-kit check adds them to Oracle's interface of the same name, so
 * each is a named, documented extension rather than a silent difference.
 */

/**
 * IMcaOnToolbarInteractionCommandDataResponse: `setOutdata(data)`, as on the agent-command
 * response. Oracle UEF guide (fuief), page "IMcaOnToolbarInteractionCommandDataResponse"
 * (https://docs.oracle.com/en/cloud/saas/fusion-service/fuief/), noted in the kits' README.
 */
export interface InteractionCommandDataResponseAdditions {
  setOutdata(data: unknown): void;
}
