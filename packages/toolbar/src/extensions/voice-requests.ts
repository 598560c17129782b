import { z } from '../platform/schema.ts';
import type { AttachedData as UserData, Interaction } from '../core/interaction.ts';
import type { CommandOutcome } from '../core/outcome.ts';
import type { Workspace } from '../core/workspace.ts';
import {
  answer,
  interactionIdSchema,
  noParameters,
  ok,
  refuse,
  requestExtensionsSchema,
  userDataSchema,
  withParameters,
  writeRefusal,
  type Answer,
  type RequestContext,
  type RequestHandler,
  type RequestTable,
} from './requests.ts';

/**
 * The voice and sipEndpoint namespaces. `voice.dial` places the call through whichever vendor is
 * configured, as the toolbar's dial pad does (so Fusion hears of it as of any call); its userData
 * is attached as soon as the vendor reports the call. The microphone is the current call's mute.
 * The speaker is the agent's phone, which plays the call out of the toolbar's reach: its mute is
 * the workspace's (the muteSpeaker / unmuteSpeaker commands, `model.speakerMuted`), shared by all
 * the extensions.
 */

type CallCommand = (workspace: Workspace, eventId: string) => Promise<CommandOutcome>;

function onCall(command: CallCommand): RequestHandler {
  return withParameters(z.tuple([interactionIdSchema]), async ([eventId], { workspace }) => answer(await command(workspace, eventId)));
}

/** The call the microphone is on: the one talking, else a held one. */
function currentCall(workspace: Workspace): Interaction | undefined {
  const calls = workspace.model.interactions;
  return calls.find((call) => call.state === 'connected') ?? calls.find((call) => call.state === 'held');
}

function microphone(mute: boolean): RequestHandler {
  return withParameters(noParameters, async (_none, { workspace }): Promise<Answer> => {
    const call = currentCall(workspace);
    if (!call) return refuse('NO_CURRENT_CALL', 'No call is in progress: there is no microphone to mute.');
    return answer(await (mute ? workspace.execute('muteCall', call.eventId) : workspace.execute('unmuteCall', call.eventId)));
  });
}

function speaker(mute: boolean): RequestHandler {
  return withParameters(noParameters, async (_none, { workspace }) => answer(await workspace.execute(mute ? 'muteSpeaker' : 'unmuteSpeaker')));
}

const dialTarget = z.string().check(z.minLength(1)).check(z.maxLength(64));
const dialUserData = z.optional(z.nullish(userDataSchema));

async function dial(destination: string, userData: UserData | null | undefined, { workspace, host }: RequestContext): Promise<Answer> {
  const refused = writeRefusal(Object.keys(userData ?? {}), host.writeAllowed);
  if (refused) return refused;
  const outcome = await workspace.execute('makeOutboundCall', destination, host.newEventId(), userData ?? undefined);
  return answer(outcome, (dialed) => ({ interactionId: dialed.eventId }));
}

export const voiceRequests: RequestTable = {
  'voice.dial': withParameters(z.tuple([dialTarget, dialUserData]), ([destination, userData], context) => dial(destination, userData, context)),
  /** dial with T-Server request extensions: checked, then left out (see requestExtensionsSchema). */
  'voice.dialEx': withParameters(z.tuple([dialTarget, dialUserData, z.optional(requestExtensionsSchema)]), ([destination, userData], context) =>
    dial(destination, userData, context),
  ),
  'voice.answer': onCall((workspace, eventId) => workspace.execute('acceptCall', eventId)),
  'voice.hold': onCall((workspace, eventId) => workspace.execute('holdCall', eventId)),
  'voice.resume': onCall((workspace, eventId) => workspace.execute('retrieveCall', eventId)),
  'voice.hangUp': onCall((workspace, eventId) => workspace.execute('hangupCall', eventId)),
  'voice.startCallRecording': onCall((workspace, eventId) => workspace.execute('startRecording', eventId)),
  'voice.stopCallRecording': onCall((workspace, eventId) => workspace.execute('stopRecording', eventId)),
  'voice.pauseCallRecording': onCall((workspace, eventId) => workspace.execute('pauseRecording', eventId)),
  'voice.resumeCallRecording': onCall((workspace, eventId) => workspace.execute('resumeRecording', eventId)),
  'sipEndpoint.muteMicrophone': microphone(true),
  'sipEndpoint.unmuteMicrophone': microphone(false),
  'sipEndpoint.isMicrophoneMute': withParameters(noParameters, (_none, { workspace }) => ok(currentCall(workspace)?.muted ?? false)),
  'sipEndpoint.muteSpeaker': speaker(true),
  'sipEndpoint.unmuteSpeaker': speaker(false),
  'sipEndpoint.isSpeakerMute': withParameters(noParameters, (_none, { workspace }) => ok(workspace.model.speakerMuted)),
};
