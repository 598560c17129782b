import { z } from '../platform/schema.ts';
import { isLive } from '../core/interaction-state.ts';
import {
  answer,
  callNamed,
  interactionIdSchema,
  isAnswer,
  noParameters,
  ok,
  refuse,
  requestExtensionsSchema,
  userDataSchema,
  withParameters,
  writeRefusal,
  type Answer,
  type RequestContext,
  type RequestTable,
} from './requests.ts';

/**
 * The interaction namespace: reading calls (as interaction.Interaction, userData filtered by
 * read-allowed), writing attached data (keys checked against write-allowed; the vendor stores it as
 * T-Server user data), case selection, mark-done, and the consultation requests — each through the
 * workspace's own commands.
 */

const TARGET_TYPES = ['AGENT', 'AGENT_GROUP', 'SKILL', 'INTERACTION_QUEUE', 'ROUTING_POINT', 'CUSTOM_CONTACT'] as const;

const destination = z.string().check(z.minLength(1)).check(z.maxLength(64));

/**
 * A plain number (a custom contact), Genesys' `{ type, destination, media: "voice" }`, or
 * `{ target, destination }`: the destination is what gets dialed.
 */
const targetQuerySchema = z.union([
  destination,
  z.pipe(
    z.object({ type: z.enum(TARGET_TYPES), destination, media: z.optional(z.literal('voice')) }),
    z.transform((query) => query.destination),
  ),
  z.pipe(
    z.object({ target: z.enum(TARGET_TYPES), destination }),
    z.transform((query) => query.destination),
  ),
]);

const optionalUserData = z.nullish(userDataSchema);

const transferParameters = z.tuple([interactionIdSchema, targetQuerySchema, z.optional(optionalUserData), z.optional(requestExtensionsSchema)]);

async function consultLeg(
  context: RequestContext,
  consultEventId: string,
  complete: (mainEventId: string, consultEventId: string) => Promise<Answer>,
): Promise<Answer> {
  const consult = callNamed(context, consultEventId);
  if (isAnswer(consult)) return consult;
  if (consult.direction !== 'consult' || consult.linkedEventId === undefined) {
    return refuse('NOT_A_CONSULTATION', `Interaction ${consultEventId} is not a consultation in progress.`);
  }
  return complete(consult.linkedEventId, consultEventId);
}

export const interactionRequests: RequestTable = {
  'interaction.getInteractions': withParameters(noParameters, (_none, { workspace, host }) =>
    ok(workspace.model.interactions.map((interaction) => host.view(interaction))),
  ),
  'interaction.getByInteractionId': withParameters(z.tuple([interactionIdSchema]), ([eventId], { workspace, host }) => {
    const interaction = workspace.model.interaction(eventId);
    return ok(interaction ? host.view(interaction) : null);
  }),
  'interaction.setUserData': withParameters(z.tuple([interactionIdSchema, userDataSchema]), async ([eventId, keyValues], context) => {
    const refused = writeRefusal(Object.keys(keyValues), context.host.writeAllowed);
    if (refused) return refused;
    return answer(await context.workspace.execute('setAttachedData', eventId, keyValues));
  }),
  'interaction.deleteUserData': withParameters(
    z.tuple([interactionIdSchema, z.string().check(z.minLength(1)).check(z.maxLength(128))]),
    async ([eventId, key], context) => {
      const refused = writeRefusal([key], context.host.writeAllowed);
      if (refused) return refused;
      return answer(await context.workspace.execute('deleteAttachedData', eventId, key));
    },
  ),
  'interaction.selectCaseByCaseId': withParameters(z.tuple([z.string().check(z.minLength(1)).check(z.maxLength(128))]), ([caseId], { host }) =>
    host.selectCase(caseId) ? ok() : refuse('UNKNOWN_CASE', `No interaction belongs to case ${caseId}.`),
  ),
  'interaction.markdone': withParameters(z.tuple([interactionIdSchema]), async ([eventId], context) => {
    const interaction = callNamed(context, eventId);
    if (isAnswer(interaction)) return interaction;
    const block = context.host.markDoneBlock(eventId);
    if (block !== undefined) return refuse('MARK_DONE_BLOCKED', block);
    if (isLive(interaction.state))
      return refuse('INVALID_CALL_STATE', `Interaction ${eventId} is still ${interaction.state}: it can be marked done once it has ended.`);
    return answer(await context.workspace.execute('closeInteraction', eventId));
  }),
  'interaction.blockMarkdone': withParameters(
    z.tuple([interactionIdSchema, z.string().check(z.minLength(1)).check(z.maxLength(500))]),
    ([eventId, warning], context) => {
      const interaction = callNamed(context, eventId);
      if (isAnswer(interaction)) return interaction;
      context.host.setMarkDoneBlock(eventId, warning);
      return ok();
    },
  ),
  'interaction.unblockMarkdone': withParameters(z.tuple([interactionIdSchema]), ([eventId], context) => {
    const interaction = callNamed(context, eventId);
    if (isAnswer(interaction)) return interaction;
    context.host.setMarkDoneBlock(eventId, undefined);
    return ok();
  }),
  'interaction.accept': withParameters(z.tuple([interactionIdSchema]), async ([eventId], { workspace }) =>
    answer(await workspace.execute('acceptCall', eventId)),
  ),
  'interaction.reject': withParameters(z.tuple([interactionIdSchema]), async ([eventId], { workspace }) =>
    answer(await workspace.execute('rejectCall', eventId)),
  ),
  'interaction.consult': withParameters(transferParameters, async ([eventId, destination, userData], context) => {
    const refused = writeRefusal(Object.keys(userData ?? {}), context.host.writeAllowed);
    if (refused) return refused;
    const outcome = await context.workspace.execute('consultCall', eventId, destination, 'transfer', userData ?? undefined);
    return answer(outcome, (consult) => ({ interactionId: consult.eventId }));
  }),
  'interaction.singleStepTransfer': withParameters(transferParameters, async ([eventId, destination, userData], context) => {
    const refused = writeRefusal(Object.keys(userData ?? {}), context.host.writeAllowed);
    if (refused) return refused;
    return answer(await context.workspace.execute('transferCall', eventId, destination, userData ?? undefined));
  }),
  'interaction.singleStepConference': withParameters(transferParameters, async ([eventId, destination, userData], context) => {
    const refused = writeRefusal(Object.keys(userData ?? {}), context.host.writeAllowed);
    if (refused) return refused;
    return answer(await context.workspace.execute('conferenceCall', eventId, destination, userData ?? undefined));
  }),
  'interaction.completeTransfer': withParameters(z.tuple([interactionIdSchema]), ([consultEventId], context) =>
    consultLeg(context, consultEventId, async (main, consult) => answer(await context.workspace.execute('completeTransfer', main, consult))),
  ),
  'interaction.completeConference': withParameters(z.tuple([interactionIdSchema]), ([consultEventId], context) =>
    consultLeg(context, consultEventId, async (main, consult) => answer(await context.workspace.execute('completeConference', main, consult))),
  ),
};
