import { z } from '../platform/schema.ts';

/**
 * `system.openDialog(url, options)`: a page of the caller's own origin in a dialog over the
 * toolbar, which the page that opened it (or the dialog's own page) closes with
 * `system.closeDialog(dialogId)`, and the agent with its Close button. The dialog's page is a frame
 * like any other: it may use the API, as its origin allows. `$Dialog.Id$` and `$Agent.FullName$`
 * in the URL and the label are filled in, as Agent Desktop does. Ids are Genesys':
 * `wweCustomDialog1`, `wweCustomDialog2`, …
 */
const cssLength = z.string().check(z.regex(/^\d{1,4}(px|%|vh|vw|em|rem)$/, 'a CSS length: 430px, 40%'));

export const dialogOptionsSchema = z.object({
  label: z.optional(z.string().check(z.minLength(1)).check(z.maxLength(100))),
  width: z.optional(cssLength),
  height: z.optional(cssLength),
});
export type DialogOptions = z.output<typeof dialogOptionsSchema>;

export interface DialogPlacement {
  readonly dialogId: string;
  /** The frame that opened it. */
  readonly ownerFrameId: number;
  readonly width?: string;
  readonly height?: string;
}

export const MAX_DIALOGS_PER_FRAME = 3;

/** `$Dialog.Id$`, `$Agent.FullName$` filled in (URL-encoded in a URL). */
export function fillDialogFields(text: string, fields: { dialogId: string; agentFullName: string }, encode: boolean): string {
  const put = (value: string) => (encode ? encodeURIComponent(value) : value);
  return text.replaceAll('$Dialog.Id$', put(fields.dialogId)).replaceAll('$Agent.FullName$', put(fields.agentFullName));
}
