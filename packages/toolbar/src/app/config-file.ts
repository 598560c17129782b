import { z } from 'zod';
import { parseToolbarConfig, type ToolbarConfig } from '../config.ts';
import type { ReasonCode, ReasonLabels } from '../core/outcome.ts';
import { LOCALES, type Locale } from '../i18n/index.ts';
import { desktopOptionsSchema, type DesktopOptions } from '../extensions/extension-views.ts';

/**
 * The toolbar's configuration as the app shell loads it: `config.json` beside the app (none is the
 * same as `{}`), merged with the frame's URL parameters by `parseToolbarConfig`. Every problem comes
 * back as a readable detail for the agent, never as a throw.
 *
 * The file may also list the not-ready reasons to offer (`reasonCodes`), overriding the vendor's own
 * list (the Genesys bridge serves the contact center's), and the reasons' labels per locale
 * (`reasonLabels`: `{ "ja": { "Break": "休憩" } }`), which the agent reads in their language while the
 * code stays the contact center's (a code without a label keeps its own name). And it may hold the web extensions
 * and their Service Client API security in Agent Desktop's option sections (`agentDesktopOptions`,
 * see extensions/extension-views.ts): from the file only, never from URL parameters.
 */
export interface LoadedConfig {
  readonly config: ToolbarConfig;
  readonly reasonCodes: readonly ReasonCode[];
  readonly reasonLabels: Readonly<Partial<Record<Locale, ReasonLabels>>>;
  readonly agentDesktopOptions: DesktopOptions;
}

export type ConfigResult = { readonly ok: true; readonly value: LoadedConfig } | { readonly ok: false; readonly detail: string };

export type FetchConfig = (url: string) => Promise<Pick<Response, 'ok' | 'status' | 'json'>>;

const reasonCodesSchema = z
  .array(z.object({ code: z.string().min(1).max(64), label: z.string().min(1).max(128) }))
  .max(100)
  .default([]);

const reasonLabelsSchema = z
  .partialRecord(
    z.enum(LOCALES),
    z.record(z.string().min(1).max(64), z.string().min(1).max(128)).refine((labels) => Object.keys(labels).length <= 100, 'at most 100 labels'),
  )
  .default({});

export async function loadConfig(fetchConfig: FetchConfig, search: string, fileUrl = './config.json'): Promise<ConfigResult> {
  let file: unknown = {};
  try {
    const response = await fetchConfig(fileUrl);
    if (response.ok) file = await response.json();
    else if (response.status !== 404) return { ok: false, detail: `${fileUrl}: HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, detail: `${fileUrl}: ${error instanceof Error ? error.message : String(error)}` };
  }
  return readConfig(file, search);
}

/** Parse the file's content and the URL parameters together. */
export function readConfig(file: unknown, search: string): ConfigResult {
  let config: ToolbarConfig;
  try {
    config = parseToolbarConfig(file, search);
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
  if (config.credentials === 'url' && config.token === undefined) {
    return { ok: false, detail: 'credentials "url" needs a token parameter' };
  }
  const fields = typeof file === 'object' && file !== null ? (file as { reasonCodes?: unknown; reasonLabels?: unknown; agentDesktopOptions?: unknown }) : {};
  const reasons = reasonCodesSchema.safeParse(fields.reasonCodes);
  if (!reasons.success) {
    return { ok: false, detail: `reasonCodes: ${reasons.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
  }
  const labels = reasonLabelsSchema.safeParse(fields.reasonLabels);
  if (!labels.success) {
    return { ok: false, detail: `reasonLabels: ${labels.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
  }
  const desktop = desktopOptionsSchema.safeParse(fields.agentDesktopOptions);
  if (!desktop.success) {
    return { ok: false, detail: `agentDesktopOptions: ${desktop.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
  }
  return { ok: true, value: { config, reasonCodes: reasons.data, reasonLabels: labels.data, agentDesktopOptions: desktop.data } };
}
