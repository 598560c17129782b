import { useEffect, useId, useState } from 'preact/hooks';
import type { Interaction } from '../../core/interaction.ts';
import type { CallRecordRef, Campaign, CampaignRecord } from '../../core/outbound.ts';
import type { OutboundOutcome } from '../../core/outbound.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { useToolbar } from '../toolbar-context.ts';
import { hasLiveCall } from '../view-model.ts';
import './outbound.css';

/**
 * The outbound campaign views, loaded on demand (`OutboundSlots.tsx`):
 * - `CampaignPanel`: the agent's campaigns — Get record on a preview campaign, Start / Stop push
 *   preview on a push preview one (a progressive campaign needs nothing: its calls ring) — and the
 *   card of the record offered to the agent: the campaign, the customer (name, number, the calling
 *   list's fields), Call (dials it with the record attached), Reject (back to the campaign) and Do not
 *   call again (cancelled);
 * - `RecordWrapUp`: in a campaign call's wrap-up, the call result (the contact center's list) and
 *   Mark processed.
 * Every button goes through the workspace; the cards change when the vendor reports the record's change.
 */
const MODE_LABELS: Record<Campaign['mode'], MessageKey> = {
  preview: 'outbound.mode.preview',
  progressive: 'outbound.mode.progressive',
  pushPreview: 'outbound.mode.pushPreview',
};

/** The failure of an outbound operation, for the card to say (operations are not commands: the error list does not hear of them). */
function failureText(outcome: OutboundOutcome | undefined): string | undefined {
  return outcome && !outcome.ok ? `${outcome.message} (${outcome.code})` : undefined;
}

export function CampaignPanel(props: {
  campaigns: readonly Campaign[];
  offeredRecord: CampaignRecord | undefined;
  pushPreview: boolean;
  interactions: readonly Interaction[];
}) {
  const { t, workspace, commands } = useToolbar();
  const titleId = useId();
  const [empty, setEmpty] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(
    () =>
      workspace.model.on('campaignChanged', ({ campaign, change }) => {
        if (change === 'noRecordLeft') setEmpty(campaign.name);
      }),
    [workspace],
  );
  const busy = props.offeredRecord !== undefined || hasLiveCall(props.interactions);
  const run = (key: string, send: () => Promise<OutboundOutcome>) => {
    setEmpty(undefined);
    void commands.run(key, send).then((outcome) => setError(failureText(outcome)));
  };
  return (
    <>
      {props.campaigns.length > 0 && (
        <section class="card card--campaigns" aria-labelledby={titleId}>
          <h2 id={titleId} class="card-title">
            {t('outbound.title')}
          </h2>
          <ul class="campaign-list">
            {props.campaigns.map((campaign) => (
              <li key={campaign.name} class="campaign">
                <span class="campaign-name">{campaign.name}</span>
                <span class="card-meta">{t(MODE_LABELS[campaign.mode])}</span>
                {campaign.mode === 'preview' && (
                  <button
                    type="button"
                    class="button"
                    disabled={busy || commands.isPending(`getPreviewRecord:${campaign.name}`)}
                    onClick={() =>
                      run(`getPreviewRecord:${campaign.name}`, () => workspace.outbound({ operation: 'getPreviewRecord', campaignName: campaign.name }))
                    }
                  >
                    {t('outbound.getRecord')}
                  </button>
                )}
                {campaign.mode === 'pushPreview' && (
                  <button
                    type="button"
                    class="button"
                    aria-pressed={props.pushPreview}
                    disabled={commands.isPending('pushPreview')}
                    onClick={() => run('pushPreview', () => workspace.outbound({ operation: props.pushPreview ? 'stopPushPreview' : 'startPushPreview' }))}
                  >
                    {t(props.pushPreview ? 'outbound.stopPushPreview' : 'outbound.startPushPreview')}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {empty !== undefined && <p class="card-meta">{t('outbound.noRecordLeft', { campaign: empty })}</p>}
          {error !== undefined && (
            <p class="card-detail" role="alert">
              {error}
            </p>
          )}
        </section>
      )}
      {props.offeredRecord && <PreviewRecordCard record={props.offeredRecord} liveCall={hasLiveCall(props.interactions)} />}
    </>
  );
}

/** The customer's name among the calling list's fields: the first field named like a name. */
function customerName(record: CampaignRecord): string | undefined {
  const entry = Object.entries(record.fields).find(([key]) => /name/i.test(key));
  return entry === undefined ? undefined : String(entry[1]);
}

function PreviewRecordCard(props: { record: CampaignRecord; liveCall: boolean }) {
  const { t, workspace, commands, formatNumber } = useToolbar();
  const { record } = props;
  const titleId = useId();
  const [error, setError] = useState<string | undefined>(undefined);
  const key = (action: string) => `${action}:${record.recordHandle}`;
  const busy = ['callRecord', 'rejectRecord', 'cancelRecord'].some((action) => commands.isPending(key(action)));
  const act = (action: 'rejectRecord' | 'cancelRecord') =>
    void commands
      .run(key(action), () => workspace.outbound({ operation: action, recordHandle: record.recordHandle }))
      .then((outcome) => setError(failureText(outcome)));
  const name = customerName(record);
  return (
    <section class="card card--preview-record" aria-labelledby={titleId} data-focus-scope>
      <div role="alert">
        <h2 id={titleId} class="card-title">
          {t('outbound.previewRecord')}
        </h2>
        <p class="card-meta">{t('call.campaign', { campaign: record.campaignName })}</p>
        <div class="party">
          <p class="party-name">{name ?? t('call.unknownCaller')}</p>
          <p class="party-number" dir="ltr">
            {formatNumber(record.phone)}
          </p>
        </div>
      </div>
      <dl class="record-fields" aria-label={t('outbound.recordFields')}>
        {Object.entries(record.fields).map(([field, value]) => (
          <div key={field}>
            <dt>{field}</dt>
            <dd>{String(value)}</dd>
          </div>
        ))}
      </dl>
      {error !== undefined && (
        <p class="card-detail" role="alert">
          {error}
        </p>
      )}
      <div class="card-actions card-actions--split">
        <button
          data-autofocus
          type="button"
          class="button button--accept"
          disabled={busy || props.liveCall}
          onClick={() => void commands.run(key('callRecord'), () => workspace.callRecord(record.recordHandle))}
        >
          {t('outbound.call')}
        </button>
        <button type="button" class="button" disabled={busy} onClick={() => act('rejectRecord')}>
          {t('outbound.reject')}
        </button>
        <button type="button" class="button button--danger" disabled={busy} onClick={() => act('cancelRecord')}>
          {t('outbound.cancelRecord')}
        </button>
      </div>
    </section>
  );
}

interface CallResult {
  readonly code: number;
  readonly name: string;
}

function callResults(data: unknown): CallResult[] {
  if (!Array.isArray(data)) return [];
  return data.filter(
    (entry): entry is CallResult => typeof entry === 'object' && entry !== null && typeof entry.code === 'number' && typeof entry.name === 'string',
  );
}

/** OCS's Answer: the result a connected call most often has, selected first. */
const ANSWER = 33;

export function RecordWrapUp(props: { record: CallRecordRef }) {
  const { t, workspace, commands } = useToolbar();
  const { recordHandle } = props.record;
  const selectId = useId();
  const [results, setResults] = useState<CallResult[]>([]);
  const [selected, setSelected] = useState<number | undefined>(undefined);
  const [processed, setProcessed] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void workspace.outbound({ operation: 'getCallResults' }).then((outcome) => {
      if (!live) return;
      const listed = outcome.ok ? callResults(outcome.data) : [];
      setResults(listed);
      setSelected((listed.find((result) => result.code === ANSWER) ?? listed[0])?.code);
      setError(failureText(outcome));
    });
    return () => {
      live = false;
    };
  }, [workspace]);
  const markProcessed = async (): Promise<OutboundOutcome> => {
    if (selected === undefined) return { ok: true, data: null };
    const set = await workspace.outbound({ operation: 'setCallResult', recordHandle, callResult: selected });
    return set.ok ? workspace.outbound({ operation: 'markProcessed', recordHandle }) : set;
  };
  if (processed !== undefined) return <p class="card-meta record-processed">{t('outbound.processed', { result: processed })}</p>;
  return (
    <div class="record-wrap-up">
      <label for={selectId} class="field-label">
        {t('outbound.callResult')}
      </label>
      <select id={selectId} class="field" value={selected} onChange={(event) => setSelected(Number(event.currentTarget.value))}>
        {results.map((result) => (
          <option key={result.code} value={result.code}>
            {result.name}
          </option>
        ))}
      </select>
      {error !== undefined && (
        <p class="card-detail" role="alert">
          {error}
        </p>
      )}
      <button
        type="button"
        class="button button--wide"
        disabled={selected === undefined || commands.isPending(`markProcessed:${recordHandle}`)}
        onClick={() =>
          void commands.run(`markProcessed:${recordHandle}`, markProcessed).then((outcome) => {
            setError(failureText(outcome));
            if (outcome?.ok) setProcessed(results.find((result) => result.code === selected)?.name ?? String(selected));
          })
        }
      >
        {t('outbound.markProcessed')}
      </button>
    </div>
  );
}
