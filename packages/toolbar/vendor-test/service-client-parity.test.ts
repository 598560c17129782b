import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { API_NAMES } from '@ctikit/service-client';
import { ExtensionPage, flush, oneExtension, openExtension, startToolbar, CRM, type Toolbar } from '../test/extensions/support/linked-extension.ts';

/**
 * ctikit's `@ctikit/service-client` against Genesys' own `wwe-service-client-api.js` (from the kit
 * folder `CTIKIT_KITS` names, run unmodified in a script context whose window is a frame of the
 * toolbar): the same call, made with each library on a fresh toolbar in the same state, posts the
 * same request and hands its callback the same answer (a success to `done`, a failure to `fail`).
 */

const kits = process.env.CTIKIT_KITS;
if (!kits) throw new Error('CTIKIT_KITS must name the vendor kits folder');
const GENESYS_LIBRARY = readFileSync(resolve(kits, 'genesys-wwe-service-client-api', 'wwe-service-client-api.js'), 'utf8');

type Method = (...parameters: unknown[]) => unknown;
type Namespaces = Record<string, Record<string, Method>>;

/** What a library handed its callbacks, and the request it posted (its name and parameters). */
interface Answer {
  readonly posted: { request: unknown; parameters: unknown };
  readonly outcome: 'done' | 'fail' | 'unanswered';
  readonly response: unknown;
}

/** Genesys' library in a script context whose global is the frame's window. */
function genesysIn(page: ExtensionPage): Namespaces {
  const quiet = { log: () => undefined, error: () => undefined, warn: () => undefined };
  const frame: Record<string, unknown> = {
    parent: page.parent,
    opener: null,
    addEventListener: page.addEventListener.bind(page),
    removeEventListener: page.removeEventListener.bind(page),
    setTimeout,
    clearTimeout,
    console: quiet,
    JSON,
  };
  frame['window'] = frame;
  const context = createContext(frame);
  runInContext(GENESYS_LIBRARY, context, { filename: 'wwe-service-client-api.js' });
  return (frame['genesys'] as { wwe: { service: Namespaces } }).wwe.service;
}

type Library = 'genesys' | 'ctikit';

/** A call: the method, its parameters, and how the toolbar is set up before it. */
interface Call {
  readonly name: string;
  readonly parameters?: readonly unknown[];
  readonly before?: (toolbar: Toolbar) => Promise<void> | void;
}

async function answerOf(library: Library, call: Call): Promise<Answer> {
  const toolbar = await startToolbar(oneExtension());
  await call.before?.(toolbar);
  const opened = openExtension(toolbar.host);
  if (library === 'genesys') opened.service.unload();
  await flush();
  const service: Namespaces = library === 'genesys' ? genesysIn(opened.page) : (opened.service as unknown as Namespaces);
  const [namespace, method] = call.name.split('.') as [string, string];
  const posts = postsOf(toolbar);
  let outcome: Answer['outcome'] = 'unanswered';
  let response: unknown;
  const target = service[namespace]?.[method];
  if (!target) throw new Error(`${library} has no ${call.name}`);
  const returned = target.call(
    service[namespace],
    ...(call.parameters ?? []),
    (answer: unknown) => ((outcome = 'done'), (response = answer)),
    (failure: unknown) => ((outcome = 'fail'), (response = failure)),
  );
  if (returned instanceof Promise) returned.catch(() => undefined);
  await flush(10);
  return { posted: posts.last(call.name), outcome, response: withoutTimes(response) };
}

/** The requests the host received from the page. */
function postsOf(toolbar: Toolbar): { last(name: string): Answer['posted'] } {
  const seen: Array<Record<string, unknown>> = [];
  const receive = toolbar.host.receive.bind(toolbar.host);
  Object.assign(toolbar.host, {
    receive: (...args: Parameters<typeof receive>) => {
      seen.push(structuredClone(args[2]) as Record<string, unknown>);
      receive(...args);
    },
  });
  return {
    last(name) {
      const message = seen.findLast((entry) => entry['request'] === name);
      if (!message) throw new Error(`${name} was not posted`);
      return { request: message['request'], parameters: message['parameters'] ?? [] };
    },
  };
}

/** Clock readings differ between two toolbars: `startDate` is compared as "a number". */
function withoutTimes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTimes);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [key, key === 'startDate' && typeof field === 'number' ? 'a number' : withoutTimes(field)]),
  );
}

const ringing = (toolbar: Toolbar): void => toolbar.vendor.ring('e-1', '+15550100', { Reason: 'billing' });
const talking = async (toolbar: Toolbar): Promise<void> => {
  ringing(toolbar);
  await flush();
  await toolbar.workspace.execute('acceptCall', 'e-1');
};
const available = async (toolbar: Toolbar): Promise<void> => {
  await toolbar.workspace.execute('makeAgentAvailable');
};

/** Calls as Genesys' sample makes them, and wrong ones: each library must answer them alike. */
const CALLS: readonly Call[] = [
  { name: 'auth.getJwtToken' },
  { name: 'agent.get' },
  { name: 'agent.getState' },
  { name: 'agent.getStateList' },
  { name: 'agent.setState', parameters: ['Ready'] },
  { name: 'agent.setState', parameters: ['Dancing'] },
  { name: 'media.getMediaList', before: available },
  { name: 'media.getMediaByName', parameters: ['voice'] },
  { name: 'media.getMediaByName', parameters: ['chat'] },
  { name: 'media.setState', parameters: ['voice', 'NotReady'], before: available },
  { name: 'interaction.getInteractions', before: ringing },
  { name: 'interaction.getByInteractionId', parameters: ['e-1'], before: ringing },
  { name: 'interaction.getByInteractionId', parameters: ['nope'] },
  { name: 'interaction.accept', parameters: ['e-1'], before: ringing },
  { name: 'interaction.reject', parameters: ['e-1'], before: ringing },
  { name: 'interaction.setUserData', parameters: ['e-1', { Note: 'hello' }], before: talking },
  { name: 'interaction.deleteUserData', parameters: ['e-1', 'Reason'], before: talking },
  { name: 'interaction.markdone', parameters: ['e-1'], before: talking },
  {
    name: 'interaction.consult',
    parameters: ['e-1', { type: 'AGENT', destination: '5002', media: 'voice' }, { Note: 'x' }, { key: 'value' }],
    before: talking,
  },
  { name: 'voice.dial', parameters: ['5551234', { Campaign: 'spring' }], before: available },
  { name: 'voice.dialEx', parameters: ['5551234', {}, { key: 'value' }], before: available },
  { name: 'voice.hold', parameters: ['e-1'], before: talking },
  { name: 'voice.hangUp', parameters: ['e-1'], before: talking },
  { name: 'voice.startCallRecording', parameters: ['e-1'], before: talking },
  { name: 'voice.answer', parameters: ['nope'] },
  { name: 'sipEndpoint.isMicrophoneMute', before: talking },
  { name: 'sipEndpoint.muteSpeaker' },
  { name: 'sipEndpoint.isSpeakerMute' },
  { name: 'system.getAllowedServices' },
  { name: 'system.triggerActivity' },
  { name: 'system.popupToast', parameters: [{ title: 'Hello', message: 'World', buttons: ['OK'] }] },
  { name: 'system.closeToast', parameters: ['wweCustomToast7'] },
  { name: 'system.isFrameLeading' },
  { name: 'system.isLastActiveFrame' },
  { name: 'system.amIVisible' },
  { name: 'messenger.broadcastMessage', parameters: ['news', { text: 'hi' }] },
  { name: 'email.create', parameters: ['someone@example.com'] },
  { name: 'configuration.getOption', parameters: ['voice.*'] },
  { name: 'outbound.getCampaigns' },
];

describe('@ctikit/service-client answers as Genesys’ wwe-service-client-api.js', () => {
  it('has every method of Genesys’ library, in the same namespaces', async () => {
    const toolbar = await startToolbar(oneExtension());
    const page = new ExtensionPage(toolbar.host, CRM);
    const genesys = genesysIn(page);
    const theirs = Object.entries(genesys)
      .filter(([, members]) => typeof members === 'object' && members !== null)
      .flatMap(([namespace, members]) => Object.keys(members).map((method) => `${namespace}.${method}`));
    expect([...API_NAMES].sort()).toEqual(expect.arrayContaining(theirs.sort()));
    expect(theirs.length).toBeGreaterThan(70);
  });

  for (const call of CALLS) {
    it(`${call.name}(${(call.parameters ?? []).map((parameter) => JSON.stringify(parameter)).join(', ')})`, async () => {
      const genesys = await answerOf('genesys', call);
      const ctikit = await answerOf('ctikit', call);
      expect(genesys.outcome).not.toBe('unanswered');
      expect(ctikit).toEqual(genesys);
    });
  }
});
