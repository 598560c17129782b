import { en, type MessageKey } from './en.ts';
import { ja } from './ja.ts';

export type { MessageKey };
export const LOCALES = ['en', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];

const catalogs: Record<Locale, Record<MessageKey, string>> = { en, ja };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The translate function for a locale: `{name}` placeholders are filled from `params`. */
export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale];
  return (key, params) => catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
}

/** Pick the locale: an explicit setting, else Fusion's or the browser's language tags, else English. */
export function resolveLocale(setting: 'auto' | Locale, languageTags: readonly string[]): Locale {
  if (setting !== 'auto') return setting;
  for (const tag of languageTags) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'ja') return 'ja';
    if (primary === 'en') return 'en';
  }
  return 'en';
}
