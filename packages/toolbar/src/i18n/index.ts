import { en, type MessageKey } from './en.ts';

export type { MessageKey };
export const LOCALES = ['en', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];
export type Catalog = Readonly<Record<MessageKey, string>>;

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A locale's messages: English is in the first chunk (the fallback), every other language loads on demand. */
export async function loadCatalog(locale: Locale): Promise<Catalog> {
  return locale === 'en' ? en : (await import('./ja.ts')).ja;
}

/** The translate function for a catalog: `{name}` placeholders are filled from `params`. */
export function translator(catalog: Catalog): Translate {
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
