import { z } from '../platform/schema.ts';
import type { Media } from '@ctikit/service-client';
import { currentState, stateList, stateRequest } from './scapi-objects.ts';
import { answer, noParameters, ok, refuse, withParameters, type Answer, type RequestContext, type RequestTable } from './requests.ts';

/**
 * The auth, agent and media namespaces. `auth.getJwtToken` hands out the token the vendor signs for
 * the agent (Genesys: the bridge, verifiable with its /.well-known/jwks.json): the JWT itself.
 * The toolbar has one media, `voice`; its state is the agent's
 * state. `setState` takes the operationName of an entry of `getStateList` (or the entry itself) and
 * asks the workspace for it: the answer says the request was accepted, the STATE_CHANGED event
 * says it happened.
 */

export const VOICE_MEDIA = 'voice';

/** An operationName, or a State object carrying one (pages pass either). */
const operationSchema = z.union([
  z.string().check(z.minLength(1)).check(z.maxLength(128)),
  z.pipe(
    z.object({ operationName: z.string().check(z.minLength(1)).check(z.maxLength(128)) }),
    z.transform((state) => state.operationName),
  ),
]);

async function setState(operationName: string, context: RequestContext): Promise<Answer> {
  const request = stateRequest(operationName, context.workspace.model.reasonCodes);
  if (!request) return refuse('UNKNOWN_STATE', `No agent state has the operationName "${operationName}" (see agent.getStateList).`);
  const { workspace } = context;
  switch (request.kind) {
    case 'ready':
      return answer(await workspace.execute('makeAgentAvailable'));
    case 'notReady':
      return answer(await workspace.execute('makeAgentUnavailable', request.reasonCode));
    case 'logout':
      return answer(await workspace.execute('logout'));
  }
}

async function voiceMedia(context: RequestContext): Promise<Media> {
  return { media: VOICE_MEDIA, state: currentState(context.workspace.model.agent, context.workspace.model.reasonCodes) };
}

function unknownMedia(name: string): Answer {
  return refuse('UNKNOWN_MEDIA', `No media named "${name}": the toolbar has the ${VOICE_MEDIA} media only.`);
}

export const agentRequests: RequestTable = {
  'auth.getJwtToken': withParameters(noParameters, async (_none, { workspace }) => answer(await workspace.agentToken(), (issued) => issued.token)),
  'agent.get': withParameters(noParameters, (_none, context) => ok(context.host.agent)),
  'agent.getState': withParameters(noParameters, async (_none, context) =>
    ok(currentState(context.workspace.model.agent, context.workspace.model.reasonCodes)),
  ),
  'agent.getStateList': withParameters(noParameters, async (_none, context) => ok(stateList(context.workspace.model.reasonCodes))),
  'agent.setState': withParameters(z.tuple([operationSchema]), ([operationName], context) => setState(operationName, context)),
  'media.getMediaList': withParameters(noParameters, async (_none, context) => ok([await voiceMedia(context)])),
  'media.getMediaByName': withParameters(z.tuple([z.string().check(z.maxLength(64))]), async ([name], context) =>
    name === VOICE_MEDIA ? ok(await voiceMedia(context)) : unknownMedia(name),
  ),
  'media.setState': withParameters(z.tuple([z.string().check(z.maxLength(64)), operationSchema]), ([name, operationName], context) =>
    name === VOICE_MEDIA ? setState(operationName, context) : unknownMedia(name),
  ),
};
