import { describe, expect, it } from 'vitest';
import { ManualClock } from '@ctikit/kernel';
import {
  API_NAMES,
  createServiceClient,
  ServiceClientError,
  type ServiceFailure,
  type ServiceNamespaces,
  type ServiceResponse,
  type WweService,
} from '../src/index.ts';
import { ExtensionWindow } from './support/fake-windows.ts';

const HOST = 'https://toolbar.example.com';
const SERVER = { userAgent: 'WWE Server', protocolVersion: 2 };

function setup(hostOrigin: string | null = HOST): { win: ExtensionWindow; clock: ManualClock; service: WweService } {
  const win = new ExtensionWindow();
  const clock = new ManualClock();
  const service = createServiceClient({ window: win, hostOrigin: hostOrigin ?? undefined, clock });
  return { win, clock, service };
}

/** Let queued microtasks (promise reactions) run. */
const settled = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('requests on the wire', () => {
  it('posts a request in the protocol-2 format to the host origin, never to "*"', () => {
    const { win, service } = setup();
    void service.agent.get();
    expect(win.parent.posted).toEqual([
      {
        message: { request: 'agent.get', parameters: [], referenceId: '0', userAgent: 'WWE Client', protocolVersion: 2 },
        targetOrigin: HOST,
      },
    ]);
  });

  it('numbers referenceIds per page and sends each method’s parameters in order', () => {
    const { win, service } = setup();
    void service.interaction.setUserData('e-1', { Reason: 'billing' });
    void service.voice.startCallRecording('e-1');
    void service.media.setState('voice', 'Ready');
    expect(win.parent.posted.map((p) => [p.message['request'], p.message['parameters'], p.message['referenceId']])).toEqual([
      ['interaction.setUserData', ['e-1', { Reason: 'billing' }], '0'],
      ['voice.startCallRecording', ['e-1'], '1'],
      ['media.setState', ['voice', 'Ready'], '2'],
    ]);
  });

  it('lets voice.dial skip its userData before the callbacks, as Genesys’s script does', async () => {
    const { win, service } = setup();
    const answers: unknown[] = [];
    void service.voice.dial('5001', (response) => answers.push(response.data));
    expect(win.parent.last()['parameters']).toEqual(['5001']);
    void service.voice.dial('5002', { Campaign: 'spring' }, (response) => answers.push(response.data));
    expect(win.parent.last()['parameters']).toEqual(['5002', { Campaign: 'spring' }]);
    win.deliver({ referenceId: '0', data: { interactionId: 'a' }, ...SERVER }, HOST);
    win.deliver({ referenceId: '1', data: { interactionId: 'b' }, ...SERVER }, HOST);
    await settled();
    expect(answers).toEqual([{ interactionId: 'a' }, { interactionId: 'b' }]);
  });

  it('keeps the raw sendMessage of Genesys’s script, with a caller’s own referenceId', async () => {
    const { win, service } = setup();
    const done: unknown[] = [];
    const id = service.sendMessage({ request: 'agent.getStateList', parameters: [], referenceId: 'mine-7' }, (r) => done.push(r.data));
    expect(id).toBe('mine-7');
    expect(win.parent.last()).toMatchObject({ request: 'agent.getStateList', referenceId: 'mine-7', userAgent: 'WWE Client' });
    win.deliver({ referenceId: 'mine-7', data: [{ operationName: 'Ready' }], ...SERVER }, HOST);
    await settled();
    expect(done).toEqual([[{ operationName: 'Ready' }]]);
  });

  it('echoes the frameId the host assigned on every later message', () => {
    const { win, service } = setup();
    win.deliver({ frameId: 3, ...SERVER }, HOST);
    void service.system.getAllowedServices();
    expect(service.frameId).toBe(3);
    expect(win.parent.last()).toMatchObject({ request: 'system.getAllowedServices', frameId: 3 });
  });

  it('posts to the window given by targetWWEWindow, then to the opener, before the parent', () => {
    const { win, service } = setup();
    const opener = new ExtensionWindow().parent;
    win.opener = opener;
    void service.agent.get();
    expect(opener.posted).toHaveLength(1);
    const chosen = new ExtensionWindow().parent;
    service.targetWWEWindow(chosen);
    void service.agent.get();
    expect(chosen.posted).toHaveLength(1);
    expect(win.parent.posted).toHaveLength(0);
  });
});

describe('answers', () => {
  it('hands a success to done without its referenceId, and resolves the promise with it', async () => {
    const { win, service } = setup();
    const done: Array<ServiceResponse<unknown>> = [];
    const promise = service.agent.get((response) => done.push(response));
    win.deliver({ referenceId: '0', request: 'agent.get', data: { username: 'agent1' }, ...SERVER }, HOST);
    const response = await promise;
    expect(response).toEqual({ request: 'agent.get', data: { username: 'agent1' }, ...SERVER });
    expect(done).toEqual([response]);
  });

  it('hands a failure (errorMessage) to fail, without its referenceId as Genesys’ library does, and rejects the promise with a ServiceClientError', async () => {
    const { win, service } = setup();
    const failed: Array<ServiceFailure | string> = [];
    const promise = service.email.create('a@example.com', null, undefined, (failure) => failed.push(failure));
    win.deliver({ referenceId: '0', errorMessage: 'email.create is not supported', errorCode: 'NOT_SUPPORTED', ...SERVER }, HOST);
    await expect(promise).rejects.toBeInstanceOf(ServiceClientError);
    await expect(promise).rejects.toThrow('email.create is not supported');
    expect(failed).toEqual([{ errorMessage: 'email.create is not supported', errorCode: 'NOT_SUPPORTED', ...SERVER }]);
  });

  it('fails a request unanswered after 10 seconds with "Request timeout", and ignores a late answer', async () => {
    const { win, clock, service } = setup();
    const failed: Array<ServiceFailure | string> = [];
    const done: unknown[] = [];
    const promise = service.agent.getState(
      (r) => done.push(r),
      (f) => failed.push(f),
    );
    clock.advance(9_999);
    await settled();
    expect(failed).toEqual([]);
    clock.advance(1);
    await expect(promise).rejects.toThrow('Request timeout');
    expect(failed).toEqual(['Request timeout']);
    win.deliver({ referenceId: '0', data: {}, ...SERVER }, HOST);
    await settled();
    expect(done).toEqual([]);
  });

  it('fails at once, posting nothing, while no host origin is known', async () => {
    const { win, service } = setup(null);
    await expect(service.agent.get()).rejects.toThrow(/No host origin/);
    expect(win.parent.posted).toEqual([]);
    service.setHostOrigin(HOST);
    void service.agent.get();
    expect(win.parent.posted).toHaveLength(1);
  });

  it('refuses a host origin that is not scheme://host[:port]', () => {
    expect(() => setup('https://toolbar.example.com/path')).toThrow(TypeError);
    expect(() => setup('*')).toThrow(TypeError);
  });

  it('fails what is still waiting on unload and stops listening', async () => {
    const { win, service } = setup();
    const promise = service.agent.get();
    service.unload();
    await expect(promise).rejects.toThrow(/unloaded/);
    expect(win.listenerCount).toBe(0);
    await expect(service.agent.get()).rejects.toThrow(/unloaded/);
  });
});

describe('origin pinning', () => {
  it('ignores an answer from another origin, from another window, or without WWE in its userAgent', async () => {
    const { win, clock, service } = setup();
    const done: unknown[] = [];
    const promise = service.agent.get((r) => done.push(r.data));
    win.deliver({ referenceId: '0', data: 'from a stranger', ...SERVER }, 'https://evil.example.com');
    win.deliver({ referenceId: '0', data: 'from a sibling frame', ...SERVER }, HOST, new ExtensionWindow().parent);
    win.deliver({ referenceId: '0', data: 'not WWE', userAgent: 'Other', protocolVersion: 2 }, HOST);
    win.deliver('wwe legacy string', HOST);
    await settled();
    expect(done).toEqual([]);
    win.deliver({ referenceId: '0', data: 'from the toolbar', ...SERVER }, HOST);
    await expect(promise).resolves.toMatchObject({ data: 'from the toolbar' });
    clock.advance(20_000);
  });

  it('takes no frameId and no event from a stranger', () => {
    const { win, service } = setup();
    const seen: unknown[] = [];
    service.subscribe('agent', (message) => seen.push(message));
    win.deliver({ referenceId: '0', subscriptionId: 's1', ...SERVER }, HOST);
    win.deliver({ frameId: 9, ...SERVER }, 'https://evil.example.com');
    win.deliver({ event: 'agent', data: { eventType: 'STATE_CHANGED', mediaState: 'READY' }, ...SERVER }, 'https://evil.example.com');
    expect(service.frameId).toBeUndefined();
    expect(seen).toEqual([]);
  });
});

describe('notifications', () => {
  it('subscribes, routes events of its topics to the handler with its context, and unsubscribes', async () => {
    const { win, service } = setup();
    const context = { name: 'panel', seen: [] as unknown[] };
    function handler(this: typeof context, message: unknown) {
      this.seen.push(message);
    }
    service.subscribe(['agent', 'interaction'], handler, context);
    expect(win.parent.last()).toEqual({ event: 'subscribe', data: ['agent', 'interaction'], referenceId: '0', userAgent: 'WWE Client', protocolVersion: 2 });
    win.deliver({ referenceId: '0', subscriptionId: 'sub-1', ...SERVER }, HOST);
    await settled();
    const ready = { event: 'agent', data: { eventType: 'STATE_CHANGED', mediaState: 'READY' }, ...SERVER };
    win.deliver(ready, HOST);
    win.deliver({ event: 'system', data: { eventType: 'CUSTOM_TOAST_BUTTON_CLICK', toastId: 't', buttonId: 'b' }, ...SERVER }, HOST);
    expect(context.seen).toEqual([ready]);

    service.unsubscribe(handler);
    expect(win.parent.last()).toMatchObject({ event: 'unsubscribe', data: 'sub-1' });
    win.deliver(ready, HOST);
    expect(context.seen).toHaveLength(1);
  });

  it('drops a subscription the host refused', async () => {
    const { win, service } = setup();
    const seen: unknown[] = [];
    service.subscribe('interaction', (message) => seen.push(message));
    win.deliver({ referenceId: '0', errorMessage: 'not allowed', ...SERVER }, HOST);
    await settled();
    win.deliver({ event: 'interaction', data: { eventType: 'ADDED' }, ...SERVER }, HOST);
    expect(seen).toEqual([]);
  });

  it('ignores an event without an eventType', async () => {
    const { win, service } = setup();
    const seen: unknown[] = [];
    service.subscribe('agent', (message) => seen.push(message));
    win.deliver({ referenceId: '0', subscriptionId: 's', ...SERVER }, HOST);
    await settled();
    win.deliver({ event: 'agent', data: 'READY', ...SERVER }, HOST);
    win.deliver({ event: 'agent', ...SERVER }, HOST);
    expect(seen).toEqual([]);
  });
});

describe('namespaces', () => {
  it('has one method per request of the catalog, posting that request', () => {
    const { win, service } = setup();
    for (const name of API_NAMES) {
      const [namespace, method] = name.split('.') as [keyof ServiceNamespaces, string];
      const call = (service[namespace] as unknown as Record<string, () => Promise<unknown>>)[method];
      expect(call, name).toBeTypeOf('function');
      void call?.();
      expect(win.parent.last()['request']).toBe(name);
    }
    expect(win.parent.posted).toHaveLength(API_NAMES.length);
  });
});
