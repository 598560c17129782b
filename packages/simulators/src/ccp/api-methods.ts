import { z } from 'zod';
import type { Command } from '@ctikit/protocol';
import type { AgentService, SwitchOutcome } from './agent-service.ts';
import { isLive, type ContactRecord } from './contact-book.ts';
import type { QuickConnectDirectory } from './quick-connects.ts';

/**
 * The CTI service behind `api_request`: one handler per `connect.ClientMethods` name the library sends
 * from the page that embeds the CCP, each turned into bridge commands for the agent's DN. A handler
 * answers once the bridge accepted the commands — the state they cause reaches the library later, in
 * the next `agent::update`, as the real service answers before the snapshot moves.
 *
 * Failures carry what the service's SDK error carries, JSON-encoded as the CCP's worker forwards it:
 * `{ code, type, message, statusCode }` with the service's exception names.
 */

export interface ServiceError {
  readonly code: string;
  readonly type: string;
  readonly message: string;
  readonly statusCode: number;
}

export type ApiResult = { readonly ok: true; readonly data: unknown } | { readonly ok: false; readonly error: ServiceError };

export interface ApiContext {
  readonly service: AgentService;
  readonly directory: QuickConnectDirectory;
  readonly send: (command: Command) => Promise<SwitchOutcome>;
}

type Method = (params: Record<string, unknown>, context: ApiContext) => Promise<ApiResult>;

const EXCEPTIONS: Record<string, { type: string; statusCode: number }> = {
  INVALID_CALL_STATE: { type: 'InvalidStateException', statusCode: 409 },
  ALREADY_IN_STATE: { type: 'InvalidStateException', statusCode: 409 },
  NOT_INITIALIZED: { type: 'InvalidStateException', statusCode: 409 },
  CANNOT_COMPLETE_TRANSFER: { type: 'InvalidStateException', statusCode: 409 },
  TERMINATING_PARTY_BUSY: { type: 'InvalidStateException', statusCode: 409 },
  INVALID_CONNECTION_ID: { type: 'ResourceNotFoundException', statusCode: 404 },
  DN_NOT_CONFIGURED: { type: 'ResourceNotFoundException', statusCode: 404 },
  INVALID_CALLED_DN: { type: 'BadEndpointException', statusCode: 400 },
  INVALID_ATTRIBUTE: { type: 'InvalidParameterException', statusCode: 400 },
  INVALID_COMMAND: { type: 'InvalidParameterException', statusCode: 400 },
  RATE_LIMITED: { type: 'ThrottlingException', statusCode: 429 },
};

export function serviceError(type: string, message: string, statusCode = 400): ServiceError {
  return { code: type, type, message, statusCode };
}

function fromSwitch(outcome: SwitchOutcome): ServiceError {
  const known = outcome.code === undefined ? undefined : EXCEPTIONS[outcome.code];
  const message = outcome.message ?? 'The request failed.';
  return known ? serviceError(known.type, message, known.statusCode) : serviceError('InternalServiceException', message, 500);
}

const OK: ApiResult = { ok: true, data: {} };

async function run(context: ApiContext, commands: readonly Command[]): Promise<ApiResult> {
  for (const command of commands) {
    const outcome = await context.send(command);
    if (!outcome.ok) return { ok: false, error: fromSwitch(outcome) };
  }
  return OK;
}

const contactParams = z.object({ contactId: z.string().min(1) });
const connectionParams = contactParams.extend({ connectionId: z.string().min(1) });
const endpointSchema = z.object({
  type: z.string().optional(),
  phoneNumber: z.string().nullish(),
  endpointARN: z.string().nullish(),
});

function invalid(detail: string): ApiResult {
  return { ok: false, error: serviceError('InvalidParameterException', detail) };
}

function notFound(what: string): ApiResult {
  return { ok: false, error: serviceError('ResourceNotFoundException', `${what} does not exist.`, 404) };
}

function invalidState(detail: string): ApiResult {
  return { ok: false, error: serviceError('InvalidStateException', detail, 409) };
}

/** A method on one contact: its params parsed, the contact found. */
function onContact<S extends typeof contactParams>(
  schema: S,
  act: (contact: ContactRecord, params: z.infer<S>, context: ApiContext) => Promise<ApiResult>,
): Method {
  return async (raw, context) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
    const contact = context.service.contacts.get(parsed.data.contactId);
    if (!contact) return notFound(`Contact ${parsed.data.contactId}`);
    return act(contact, parsed.data, context);
  };
}

type Leg = 'agent' | 'customer' | 'thirdParty';

function legOf(contact: ContactRecord, connectionId: string): Leg | undefined {
  if (contact.agent.connectionId === connectionId) return 'agent';
  if (contact.customer.connectionId === connectionId) return 'customer';
  if (contact.thirdParty?.connectionId === connectionId) return 'thirdParty';
  return undefined;
}

function onConnection(act: (contact: ContactRecord, leg: Leg, params: z.infer<typeof connectionParams>, context: ApiContext) => Promise<ApiResult>): Method {
  return onContact(connectionParams, (contact, params, context) => {
    const leg = legOf(contact, params.connectionId);
    if (!leg) return Promise.resolve(notFound(`Connection ${params.connectionId}`));
    if (!isLive(contact)) return Promise.resolve(invalidState(`Contact ${contact.contactId} has ended.`));
    return act(contact, leg, params, context);
  });
}

/**
 * Hang up a leg: the agent's own leaves (rejects a ring, transfers to a connected third party, leaves a
 * conference to the others), the others drop (out of a conference, a party is deleted from the call).
 */
function destroyCommand(contact: ContactRecord, leg: Leg): Command {
  const connectionId = contact.switchConnectionId;
  const third = contact.thirdParty;
  if (third?.conferenced) {
    if (leg === 'thirdParty') return { type: 'DeleteFromConference', connectionId, dn: third.destination };
    if (leg === 'customer') return { type: 'DeleteFromConference', connectionId, dn: contact.customer.phoneNumber };
    return { type: 'Hangup', connectionId };
  }
  if (leg === 'thirdParty' && third) return { type: 'Hangup', connectionId: third.switchConnectionId };
  if (leg === 'agent' && contact.state === 'connecting' && contact.direction === 'inbound') return { type: 'Reject', connectionId };
  if (leg === 'agent' && third && third.state !== 'disconnected') {
    return { type: 'CompleteTransfer', connectionId, consultConnectionId: third.switchConnectionId };
  }
  return { type: 'Hangup', connectionId };
}

const stateParams = z.object({
  state: z.object({ agentStateARN: z.string().nullish(), name: z.string().optional(), type: z.string().optional() }),
  enqueueNextState: z.boolean().optional(),
});

const METHODS: Record<string, Method> = {
  putAgentState: async (raw, context) => {
    const parsed = stateParams.safeParse(raw);
    if (!parsed.success) return invalid('state: an agent state from getAgentStates() is required');
    const commands = context.service.choose(parsed.data.state);
    if (!commands) return notFound(`Agent state ${parsed.data.state.name ?? parsed.data.state.agentStateARN ?? ''}`);
    return run(context, commands);
  },
  acceptContact: onContact(contactParams, (contact, _params, context) => {
    if (contact.state !== 'connecting' || contact.direction !== 'inbound') return Promise.resolve(invalidState(`Contact ${contact.contactId} is not ringing.`));
    return run(context, [{ type: 'Accept', connectionId: contact.switchConnectionId }]);
  }),
  rejectContact: onContact(contactParams, (contact, _params, context) => {
    if (contact.state !== 'connecting' || contact.direction !== 'inbound') return Promise.resolve(invalidState(`Contact ${contact.contactId} is not ringing.`));
    return run(context, [{ type: 'Reject', connectionId: contact.switchConnectionId }]);
  }),
  clearContact: onContact(contactParams, async (contact, _params, context) =>
    context.service.clear(contact.contactId) ? OK : invalidState(`Contact ${contact.contactId} is still in progress.`),
  ),
  completeContact: onContact(contactParams, async (contact, _params, context) =>
    context.service.clear(contact.contactId) ? OK : invalidState(`Contact ${contact.contactId} is still in progress.`),
  ),
  destroyConnection: onConnection((contact, leg, _params, context) => run(context, [destroyCommand(contact, leg)])),
  holdConnection: onConnection((contact, leg, _params, context) =>
    run(context, [
      { type: 'Hold', connectionId: leg === 'thirdParty' && contact.thirdParty ? contact.thirdParty.switchConnectionId : contact.switchConnectionId },
    ]),
  ),
  resumeConnection: onConnection((contact, leg, _params, context) =>
    run(context, [
      { type: 'Retrieve', connectionId: leg === 'thirdParty' && contact.thirdParty ? contact.thirdParty.switchConnectionId : contact.switchConnectionId },
    ]),
  ),
  sendDigits: onContact(connectionParams.extend({ digits: z.string().min(1).max(64) }), (contact, params, context) => {
    if (contact.state !== 'connected') return Promise.resolve(invalidState(`Contact ${contact.contactId} is not connected.`));
    return run(context, [{ type: 'SendDTMF', connectionId: contact.switchConnectionId, digits: params.digits }]);
  }),
  muteParticipant: onConnection((contact, _leg, _params, context) => run(context, [{ type: 'Mute', connectionId: contact.switchConnectionId }])),
  unmuteParticipant: onConnection((contact, _leg, _params, context) => run(context, [{ type: 'Unmute', connectionId: contact.switchConnectionId }])),
  createOutboundContact: async (raw, context) => {
    const parsed = z.object({ endpoint: endpointSchema }).safeParse(raw);
    const destination = parsed.success ? context.directory.destinationOf(parsed.data.endpoint) : undefined;
    if (destination === undefined) return { ok: false, error: serviceError('BadEndpointException', 'The endpoint has no number to dial.') };
    return run(context, [{ type: 'MakeCall', phoneNumber: destination }]);
  },
  createAdditionalConnection: onContact(contactParams.extend({ endpoint: endpointSchema }), (contact, params, context) => {
    const destination = context.directory.destinationOf(params.endpoint);
    if (destination === undefined) return Promise.resolve({ ok: false, error: serviceError('BadEndpointException', 'The endpoint has no number to dial.') });
    if (contact.state !== 'connected') return Promise.resolve(invalidState(`Contact ${contact.contactId} is not connected.`));
    return run(context, [{ type: 'InitiateTransfer', connectionId: contact.switchConnectionId, destination }]);
  }),
  conferenceConnections: onContact(contactParams, (contact, _params, context) => {
    const third = contact.thirdParty;
    if (!third || third.state !== 'connected') return Promise.resolve(invalidState(`Contact ${contact.contactId} has no connected third party.`));
    if (third.conferenced) return Promise.resolve(invalidState(`Contact ${contact.contactId} is already a conference.`));
    return run(context, [{ type: 'CompleteConference', connectionId: contact.switchConnectionId, consultConnectionId: third.switchConnectionId }]);
  }),
  getEndpoints: async (_raw, context) => ({ ok: true, data: { endpoints: context.directory.list(), nextToken: null } }),
  getAgentStates: async (_raw, context) => ({ ok: true, data: { states: context.service.catalog, nextToken: null } }),
  getAgentConfiguration: async (_raw, context) => ({ ok: true, data: { configuration: context.service.data().configuration } }),
};

export function runApiMethod(method: string, params: Record<string, unknown>, context: ApiContext): Promise<ApiResult> {
  const handler = Object.hasOwn(METHODS, method) ? METHODS[method] : undefined;
  if (!handler) return Promise.resolve({ ok: false, error: serviceError('UnsupportedOperationException', `${method} is not supported by this CCP.`) });
  return handler(params, context);
}

/** The connected contact `agent.mute()` / `unmute()` acts on (the softphone's call). */
export function muteCommand(service: AgentService, mute: boolean): Command | undefined {
  const contact = service.contacts.all.find((candidate) => candidate.state === 'connected');
  if (!contact) return undefined;
  return { type: mute ? 'Mute' : 'Unmute', connectionId: contact.switchConnectionId };
}
