import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { isConference, type Interaction } from '../core/interaction.ts';
import { ConferenceParties } from './ConferenceParties.tsx';
import { CallParty } from './CallParty.tsx';
import { CallTimer } from './CallTimer.tsx';
import { ConsultPanel } from './ConsultPanel.tsx';
import { DtmfPad } from './DtmfPad.tsx';
import { useToolbar } from './toolbar-context.ts';
import { activeCallControls, callStatusText, recordingText, say } from './view-model.ts';

type Panel = 'keypad' | 'transfer' | undefined;

/**
 * A call in progress (connected or held): who it is with, its state and a live timer, and the call
 * controls the view model offers for that state — Hold/Retrieve, Mute/Unmute, the tone keypad,
 * Transfer (blind or after a consultation), Record/Stop recording, Hang up — plus the consultation
 * placed from it, when there is one. A conference says so in its title and lists its parties. Hang up
 * stays right under the controls, above the keypad, the transfer panel and the consultation, so a
 * 320 × 560 px frame shows it whatever is open.
 */
export function ActiveCallCard(props: { interaction: Interaction; consult: Interaction | undefined }) {
  const { t, workspace, commands, shortcuts } = useToolbar();
  const { interaction, consult } = props;
  const { eventId } = interaction;
  const controls = activeCallControls(interaction, consult);
  const [open, setOpen] = useState<Panel>(undefined);
  const titleId = useId();
  const panelId = useId();
  const transferToggle = useRef<HTMLButtonElement>(null);

  const panel: Panel = open === 'keypad' && !controls.keypad ? undefined : open === 'transfer' && !controls.transfer ? undefined : open;
  const toggle = (which: Exclude<Panel, undefined>) => setOpen(panel === which ? undefined : which);
  const send = (command: string, call: () => Promise<unknown>) => () => void commands.run(`${command}:${eventId}`, call);
  const pending = (command: string) => commands.isPending(`${command}:${eventId}`);
  const recording = recordingText(interaction);
  const conference = isConference(interaction, workspace.model.identity.dn);
  // The transfer panel (and its directory search) loads on demand: the toolbar's initial JS stays small.
  const [transferModule, setTransferModule] = useState<typeof import('./TransferPanel.tsx') | undefined>(undefined);
  useEffect(() => {
    if (panel === 'transfer' && transferModule === undefined) void import('./TransferPanel.tsx').then(setTransferModule);
  }, [panel, transferModule]);

  return (
    <section class={`card card--active${interaction.state === 'held' ? ' is-held' : ''}`} aria-labelledby={titleId} data-focus-scope>
      <h2 id={titleId} class="card-title">
        {t('call.current')}
        {conference && <span class="badge badge--conference">{t('call.conference')}</span>}
      </h2>
      {conference ? <ConferenceParties interaction={interaction} /> : <CallParty interaction={interaction} />}
      {interaction.heldAt !== undefined && (
        <p class="hold-banner">
          <span class="hold-banner-icon" aria-hidden="true" />
          <span>{t('call.held')}</span>
          <CallTimer since={interaction.heldAt} label="call.holdTimeLabel" class="hold-timer" />
        </p>
      )}
      <p class="card-meta call-status">
        {interaction.heldAt === undefined && <span>{say(t, callStatusText(interaction))}</span>}
        {interaction.connectedAt !== undefined && <CallTimer since={interaction.connectedAt} />}
        {interaction.muted && <span class="badge">{t('call.muted')}</span>}
        {recording && <span class="badge badge--recording">{say(t, recording)}</span>}
      </p>

      <div class="call-controls">
        {controls.hold && (
          <button
            data-autofocus
            type="button"
            class="button"
            aria-keyshortcuts={shortcuts.hold ?? undefined}
            disabled={pending('holdCall') || pending('retrieveCall')}
            onClick={
              controls.hold === 'hold'
                ? send('holdCall', () => workspace.execute('holdCall', eventId))
                : send('retrieveCall', () => workspace.execute('retrieveCall', eventId))
            }
          >
            {t(controls.hold === 'hold' ? 'call.hold' : 'call.retrieve')}
          </button>
        )}
        {controls.mute && (
          <button
            type="button"
            class="button"
            aria-keyshortcuts={shortcuts.mute ?? undefined}
            disabled={pending('muteCall') || pending('unmuteCall')}
            onClick={
              controls.mute === 'mute'
                ? send('muteCall', () => workspace.execute('muteCall', eventId))
                : send('unmuteCall', () => workspace.execute('unmuteCall', eventId))
            }
          >
            {t(controls.mute === 'mute' ? 'call.mute' : 'call.unmute')}
          </button>
        )}
        {controls.keypad && (
          <button
            type="button"
            class="button"
            aria-expanded={panel === 'keypad'}
            aria-controls={panel === 'keypad' ? panelId : undefined}
            onClick={() => toggle('keypad')}
          >
            {t('call.keypad')}
          </button>
        )}
        {controls.transfer && (
          <button
            ref={transferToggle}
            type="button"
            class="button"
            aria-expanded={panel === 'transfer'}
            aria-controls={panel === 'transfer' ? panelId : undefined}
            onClick={() => toggle('transfer')}
          >
            {t('call.transfer')}
          </button>
        )}
        {controls.record && (
          <button
            type="button"
            class="button"
            disabled={pending('startRecording') || pending('stopRecording')}
            onClick={
              controls.record === 'record'
                ? send('startRecording', () => workspace.execute('startRecording', eventId))
                : send('stopRecording', () => workspace.execute('stopRecording', eventId))
            }
          >
            {t(controls.record === 'record' ? 'call.record' : 'call.stopRecording')}
          </button>
        )}
      </div>

      {controls.hangup && (
        <div class="card-actions">
          <button
            data-autofocus
            type="button"
            class="button button--danger button--wide"
            aria-keyshortcuts={shortcuts.hangUp ?? undefined}
            disabled={pending('hangupCall')}
            onClick={send('hangupCall', () => workspace.execute('hangupCall', eventId))}
          >
            {t('call.hangup')}
          </button>
        </div>
      )}

      {panel === 'keypad' && <DtmfPad eventId={eventId} id={panelId} />}
      {panel === 'transfer' && transferModule && (
        <transferModule.TransferPanel
          eventId={eventId}
          id={panelId}
          canConsult={controls.consultFirst}
          onDone={() => setOpen(undefined)}
          onCancel={() => {
            setOpen(undefined);
            transferToggle.current?.focus();
          }}
        />
      )}
      {consult && controls.consult && <ConsultPanel mainEventId={eventId} consult={consult} controls={controls.consult} />}
    </section>
  );
}
