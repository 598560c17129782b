import type { MessageKey } from '../../i18n/index.ts';
import type { ShortcutAction } from '../../config.ts';
import { useToolbar } from '../toolbar-context.ts';
import { SHORTCUT_ACTIONS } from './shortcuts.ts';

const LABELS: Record<ShortcutAction, MessageKey> = {
  answer: 'shortcuts.answer',
  hangUp: 'shortcuts.hangUp',
  hold: 'shortcuts.hold',
  mute: 'shortcuts.mute',
};

/** The call controls' keyboard shortcuts as configured (the toolbar's config file, `shortcuts`). */
export function ShortcutsPanel() {
  const { t, shortcuts } = useToolbar();
  return (
    <>
      <p class="tool-note">{t('shortcuts.intro')}</p>
      <dl class="shortcut-list">
        {SHORTCUT_ACTIONS.map((action) => {
          const keys = shortcuts[action];
          return (
            <div key={action}>
              <dt>{t(LABELS[action])}</dt>
              <dd>{keys === null ? t('shortcuts.off') : keys.split('+').flatMap((key, index) => [...(index > 0 ? ['+'] : []), <kbd key={key}>{key}</kbd>])}</dd>
            </div>
          );
        })}
      </dl>
    </>
  );
}
