import type { Locale } from '../i18n/index.ts';

/** The few words the extensions area says itself (an extension's label and its toasts are its own). */
export interface ExtensionStrings {
  readonly region: string;
  readonly views: string;
  readonly toasts: string;
  readonly dismiss: string;
  readonly show: string;
  readonly close: string;
  readonly menuBar: string;
  readonly from: string;
  /** The agent's messages, `{count}` of them. */
  readonly messages: string;
}

const STRINGS: Record<Locale, ExtensionStrings> = {
  en: {
    region: 'Extensions',
    views: 'Extension views',
    toasts: 'Notifications from extensions',
    dismiss: 'Dismiss',
    show: 'Show',
    close: 'Close',
    menuBar: 'From extensions',
    from: 'From {source}',
    messages: 'Messages ({count})',
  },
  ja: {
    region: '拡張機能',
    views: '拡張機能のビュー',
    toasts: '拡張機能からの通知',
    dismiss: '閉じる',
    show: '表示',
    close: '閉じる',
    menuBar: '拡張機能から',
    from: '{source} から',
    messages: 'メッセージ（{count}）',
  },
};

export function extensionStrings(locale: Locale): ExtensionStrings {
  return STRINGS[locale];
}
