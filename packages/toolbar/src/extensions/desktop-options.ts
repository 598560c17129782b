import { z } from '../platform/schema.ts';

/**
 * The `agentDesktopOptions` block of the toolbar's config file (extension-views.ts says what the
 * options mean): sections of options, values as strings. Checked with the configuration at start,
 * in zod's mini form, so the first chunk carries neither the extensions host nor full zod.
 */
const optionValue = z.pipe(z.union([z.string().check(z.maxLength(4096)), z.number(), z.boolean()]), z.transform(String));
const section = z
  .record(z.string().check(z.minLength(1), z.maxLength(128)), optionValue)
  .check(z.refine((options) => Object.keys(options).length <= 200, 'at most 200 options'));

export const desktopOptionsSchema = z._default(
  z.record(z.string().check(z.minLength(1), z.maxLength(64)), section).check(z.refine((sections) => Object.keys(sections).length <= 50, 'at most 50 sections')),
  {},
);
export type DesktopOptions = z.output<typeof desktopOptionsSchema>;
