import type { Locale } from '../i18n/index.ts';

/** The few words the extensions area says itself (an extension's label and its toasts are its own). */
export interface ExtensionStrings {
  readonly region: string;
  readonly views: string;
  readonly toasts: string;
  readonly dismiss: string;
  readonly show: string;
  readonly from: string;
  /** The agent's messages, `{count}` of them. */
  readonly messages: string;
}

const STRINGS: Record<Locale, ExtensionStrings> = {
  en: { region: 'Extensions', views: 'Extension views', toasts: 'Notifications from extensions', dismiss: 'Dismiss', show: 'Show', from: 'From {source}', messages: 'Messages ({count})' },
  ja: { region: '拡張機能', views: '拡張機能のビュー', toasts: '拡張機能からの通知', dismiss: '閉じる', show: '表示', from: '{source} から', messages: 'メッセージ（{count}）' },
};

export function extensionStrings(locale: Locale): ExtensionStrings {
  return STRINGS[locale];
}
