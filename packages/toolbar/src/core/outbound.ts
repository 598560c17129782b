import type { AttachedData } from './interaction.ts';
import type { Outcome } from './outcome.ts';

/**
 * Outbound campaigns as the agent works them (Outbound Contact Server's model): a record of a
 * campaign's calling list, offered to the agent, called, given a call result, rescheduled, marked
 * do-not-call or processed. The vendor's side keeps the records; these are the operations the
 * workspace forwards to it (the Genesys bridge's `POST /genesys/outbound` takes them as they are).
 */
export type CallbackType = 'Personal' | 'Campaign';

type OnRecord =
  | 'getRecord'
  | 'getChainedRecords'
  | 'callRecord'
  | 'rejectRecord'
  | 'cancelRecord'
  | 'cancelReschedule'
  | 'setDoNotCall'
  | 'removeDoNotCall'
  | 'markProcessed';

export type OutboundRequest =
  | { operation: 'getCampaigns' }
  | { operation: 'getCallResults' }
  | { operation: 'getPreviewRecord'; campaignName: string }
  | { operation: OnRecord; recordHandle: number }
  | { operation: 'rescheduleRecord'; recordHandle: number; at: number; callbackType: CallbackType }
  | { operation: 'setCallResult'; recordHandle: number; callResult: number }
  | { operation: 'updateRecordFields'; recordHandle: number; fields: AttachedData };

/** The vendor's answer, checked by the vendor against the operation's shape. */
export type OutboundOutcome = Outcome<{ data: unknown }>;
