/**
 * The sample extension's words in the agent's language, which the toolbar hands the page in its URL
 * (`?locale={locale}`, the view's option). The log keeps the API's own names (`voice.dial: done`).
 */
export type SampleLocale = 'en' | 'ja';

const en = {
  title: 'Sample extension',
  connected: 'Connected · {count} services allowed',
  notConnected: 'Not connected: {detail}',
  connecting: 'Connecting…',
  openedFor: 'Opened for call {id}',
  openedFrom: ' from {ani}',
  retry: 'Retry',
  calls: 'Calls',
  noCalls: 'No calls.',
  recording: 'recording {state}',
  agent: 'Agent',
  username: 'Username',
  state: 'State',
  newState: 'New state',
  setState: 'Set state',
  dial: 'Click-to-dial',
  number: 'Number',
  userDataJson: 'userData (JSON)',
  notAnObject: 'userData must be a JSON object',
  notJson: 'userData is not valid JSON',
  dialButton: 'Dial',
  answer: 'Answer',
  hold: 'Hold',
  resume: 'Resume',
  hangUp: 'Hang up',
  startRecording: 'Start recording',
  pauseRecording: 'Pause recording',
  resumeRecording: 'Resume recording',
  stopRecording: 'Stop recording',
  markDone: 'Mark done',
  controlsOf: 'Controls of {id}',
  userDataOf: 'User data of {id}',
  userData: 'User data',
  delete: 'Delete',
  deleteKey: 'Delete {key}',
  key: 'Key',
  value: 'Value',
  save: 'Save',
  toasts: 'Toasts',
  toastTitle: 'Title',
  toastMessage: 'Message',
  showToast: 'Show toast',
  toastDefaultTitle: 'Callback due',
  toastDefaultMessage: 'Call Mrs Lee back before 3 pm.',
  callNow: 'Call now',
  later: 'Later',
  log: 'Event log',
};

export type SampleStringKey = keyof typeof en;

const ja: Record<SampleStringKey, string> = {
  title: 'サンプル拡張機能',
  connected: '接続済み · 許可されたサービス {count} 件',
  notConnected: '未接続: {detail}',
  connecting: '接続中…',
  openedFor: '通話 {id} のビュー',
  openedFrom: '（{ani} から）',
  retry: '再試行',
  calls: '通話',
  noCalls: '通話はありません。',
  recording: '録音 {state}',
  agent: 'エージェント',
  username: 'ユーザー名',
  state: '状態',
  newState: '新しい状態',
  setState: '状態を設定',
  dial: 'クリック発信',
  number: '番号',
  userDataJson: 'userData（JSON）',
  notAnObject: 'userData は JSON オブジェクトにしてください',
  notJson: 'userData が正しい JSON ではありません',
  dialButton: '発信',
  answer: '応答',
  hold: '保留',
  resume: '再開',
  hangUp: '切断',
  startRecording: '録音開始',
  pauseRecording: '録音一時停止',
  resumeRecording: '録音再開',
  stopRecording: '録音停止',
  markDone: '完了にする',
  controlsOf: '{id} の操作',
  userDataOf: '{id} のユーザーデータ',
  userData: 'ユーザーデータ',
  delete: '削除',
  deleteKey: '{key} を削除',
  key: 'キー',
  value: '値',
  save: '保存',
  toasts: 'トースト通知',
  toastTitle: 'タイトル',
  toastMessage: 'メッセージ',
  showToast: 'トーストを表示',
  toastDefaultTitle: '折り返し電話の予定',
  toastDefaultMessage: '15 時までに Lee 様へ折り返し電話。',
  callNow: '今すぐ電話',
  later: '後で',
  log: 'イベントログ',
};

export type SampleTranslate = (key: SampleStringKey, params?: Record<string, string | number>) => string;

/** The page's language from its URL (`locale=ja`); English for anything else. */
export function sampleLocale(search: string): SampleLocale {
  return new URLSearchParams(search).get('locale') === 'ja' ? 'ja' : 'en';
}

export function sampleTranslator(locale: SampleLocale): SampleTranslate {
  const catalog: Record<SampleStringKey, string> = locale === 'ja' ? ja : en;
  return (key, params) => catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
}
