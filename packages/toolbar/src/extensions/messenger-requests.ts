import { isChannelName } from '@ctikit/service-client';
import { z } from '../platform/schema.ts';
import { ok, withParameters, type RequestTable } from './requests.ts';

/**
 * The messenger namespace: `broadcastMessage(channel, message)` posts the message to every other
 * frame subscribed to `messenger:<channel>`, as the event `{ eventType: "MESSAGE", channel,
 * message, from }` (`from`: the sender's label). The message is any plain value; the gate has
 * already bounded its size.
 */
const channelSchema = z.string().check(z.refine(isChannelName, 'a channel name: letters, digits, _ . -, at most 64'));

export const messengerRequests: RequestTable = {
  'messenger.broadcastMessage': withParameters(z.tuple([channelSchema, z.unknown()]), ([channel, message], { caller, host }) => {
    host.broadcast(caller, channel, message);
    return ok();
  }),
};
