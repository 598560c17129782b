import { useRef, useState } from 'preact/hooks';
import { Keypad } from './Keypad.tsx';
import { useToolbar } from './toolbar-context.ts';

/**
 * The in-call keypad: each key sends its tone (`sendDtmf`). Keys pressed while a send is in flight
 * are kept and sent together right after it, in order, so a fast agent loses no tone and the tones
 * never overtake each other. Shows the tones the vendor accepted.
 */
export function DtmfPad(props: { eventId: string; id: string }) {
  const { t, workspace } = useToolbar();
  const [sent, setSent] = useState('');
  const queued = useRef('');
  const sending = useRef(false);

  const flush = async (): Promise<void> => {
    if (sending.current || queued.current === '') return;
    const digits = queued.current;
    queued.current = '';
    sending.current = true;
    try {
      const outcome = await workspace.execute('sendDtmf', props.eventId, digits);
      if (outcome.ok) setSent((before) => before + digits);
    } finally {
      sending.current = false;
    }
    await flush();
  };

  const press = (key: string) => {
    queued.current += key;
    void flush();
  };

  return (
    <div class="dtmf">
      <Keypad id={props.id} label={t('dtmf.title')} onKey={press} />
      {sent !== '' && (
        <p class="dtmf-sent" dir="ltr">
          {t('call.tonesSent', { digits: sent })}
        </p>
      )}
    </div>
  );
}
