import type { Command } from '@ctikit/protocol';
import type { ContactCenterPort } from '@ctikit/contact-center';
import type { AgentSession } from '../sessions/agent-session.ts';
import type { CommandOutcome } from '../sessions/agent-sessions.ts';
import { runCommand } from './command-handlers.ts';
import type { UserDataGuard } from './user-data-guard.ts';

/**
 * Run a command on the session that holds the agent's backend session (this process's, or in a
 * cluster the owner node's), and name the call it concerns: the ConnID it created or named, and
 * that call's eventId (the one it had before, when the command ended it).
 */
export async function runOnSession(
  session: AgentSession,
  command: Command,
  context: { backend: ContactCenterPort; referenceId: string; userData: UserDataGuard },
): Promise<CommandOutcome> {
  const before = 'connectionId' in command ? session.ids.eventIdOf(command.connectionId) : undefined;
  const outcome = await runCommand(command, { ...context, session });
  const connectionId = outcome.connectionId ?? ('connectionId' in command ? command.connectionId : undefined);
  const eventId = (connectionId !== undefined ? session.ids.eventIdOf(connectionId) : undefined) ?? before;
  return { ...(eventId !== undefined ? { eventId } : {}), ...(connectionId !== undefined ? { connectionId } : {}) };
}
