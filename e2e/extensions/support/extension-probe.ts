import { expect, type Frame, type Page } from '@playwright/test';
import type { GenesysGlobal } from '@ctikit/service-client';

/**
 * A web extension's page as a test drives it: the sample extension (served from the second origin),
 * whose `window.genesys.wwe.service` — the real client library, loaded by its script tag — the test
 * calls inside the frame, as the page's own code would. It can also listen to events, record every
 * message the toolbar posts to it, and post raw messages to the toolbar.
 */

export type Answer = { ok: true; data: unknown } | { ok: false; errorMessage: string; errorCode?: string };

interface ProbeWindow extends GenesysGlobal {
  probeEvents?: Array<{ event: string; data: { eventType: string } & Record<string, unknown> }>;
  probeReceived?: unknown[];
}

export class ExtensionProbe {
  private constructor(readonly frame: Frame) {}

  /** The frame of the toolbar's view `name` (its section name), once its client library is ready. */
  static async of(page: Page, name: string): Promise<ExtensionProbe> {
    const element = page.locator(`iframe[data-extension="${name}"]`).first();
    await expect(element).toBeAttached();
    const frame = await (await element.elementHandle())?.contentFrame();
    if (!frame) throw new Error(`the extension frame ${name} has no document`);
    // Polled on a timer: a hidden frame renders nothing, so it never runs requestAnimationFrame.
    await frame.waitForFunction(() => Boolean((window as ProbeWindow).genesys?.wwe?.service), undefined, { polling: 100 });
    return new ExtensionProbe(frame);
  }

  get origin(): string {
    return new URL(this.frame.url()).origin;
  }

  /** Call `namespace.method(...args)` of genesys.wwe.service and say how it went. */
  call(request: string, ...args: unknown[]): Promise<Answer> {
    return this.frame.evaluate(
      async ([name, parameters]) => {
        const [namespace = '', method = ''] = name.split('.');
        const service = (window as ProbeWindow).genesys?.wwe?.service as unknown as Record<
          string,
          Record<string, (...a: unknown[]) => Promise<{ data: unknown }>>
        >;
        const run = service[namespace]?.[method];
        if (!run) return { ok: false as const, errorMessage: `the client has no ${name}` };
        try {
          return { ok: true as const, data: (await run(...parameters)).data };
        } catch (error) {
          const failure = (error as { failure?: unknown }).failure;
          return typeof failure === 'object' && failure !== null
            ? { ok: false as const, ...(failure as { errorMessage: string; errorCode?: string }) }
            : { ok: false as const, errorMessage: String(failure ?? error) };
        }
      },
      [request, args] as const,
    );
  }

  /** Call and expect success; resolves with the data. */
  async data(request: string, ...args: unknown[]): Promise<unknown> {
    const answer = await this.call(request, ...args);
    expect(answer, `${request}: ${JSON.stringify(answer)}`).toMatchObject({ ok: true });
    return answer.ok ? answer.data : undefined;
  }

  /** The frameId the toolbar gave this page, if it did. */
  frameId(): Promise<number | string | undefined> {
    return this.frame.evaluate(() => (window as ProbeWindow).genesys?.wwe?.service?.frameId);
  }

  /** Subscribe to topics; the events are kept for `events()`. */
  async listen(topics: readonly string[]): Promise<void> {
    await this.frame.evaluate((names) => {
      const page = window as ProbeWindow;
      page.probeEvents = [];
      page.genesys?.wwe?.service?.subscribe([...names], (message) => page.probeEvents?.push(message));
    }, topics);
  }

  /** The events received since `listen`, as `topic eventType` lines. */
  async eventLines(): Promise<string[]> {
    return (await this.events()).map((message) => `${message.event} ${message.data.eventType}`);
  }

  events(): Promise<Array<{ event: string; data: { eventType: string } & Record<string, unknown> }>> {
    return this.frame.evaluate(() => (window as ProbeWindow).probeEvents ?? []);
  }

  /** Start recording every message the toolbar's window posts to this page. */
  async record(): Promise<void> {
    await this.frame.evaluate(() => {
      const page = window as ProbeWindow;
      page.probeReceived = [];
      window.addEventListener('message', (event) => {
        if (event.source === window.parent) page.probeReceived?.push(event.data);
      });
    });
  }

  received(): Promise<unknown[]> {
    return this.frame.evaluate(() => (window as ProbeWindow).probeReceived ?? []);
  }

  /** Post a message to the toolbar as is, bypassing the client library. */
  async postRaw(toolbarOrigin: string, data: unknown): Promise<void> {
    await this.frame.evaluate(([origin, message]) => window.parent.postMessage(message, origin), [toolbarOrigin, data] as const);
  }

  /**
   * Post what no client should: malformed requests and oversized or non-plain messages, each with
   * referenceId "junk-<n>" where it has one. Built in the page, since some cannot leave it as JSON.
   */
  async postJunk(toolbarOrigin: string): Promise<number> {
    return this.frame.evaluate((origin) => {
      let deep: unknown = 'bottom';
      for (let i = 0; i < 200; i++) deep = [deep];
      const junk: unknown[] = [
        'wwe a legacy string',
        null,
        42,
        [1, 2, 3],
        { referenceId: 'junk-1', userAgent: 'WWE Client' },
        { request: 17, referenceId: 'junk-2' },
        { request: 'agent.get', parameters: 'not a list', referenceId: 'junk-3' },
        { request: 'agent.get', parameters: Array.from({ length: 50 }, (_, i) => i), referenceId: 'junk-4' },
        { request: 'agent.get', parameters: ['x'.repeat(2_000_000)], referenceId: 'junk-5' },
        { request: 'agent.get', parameters: [deep], referenceId: 'junk-6' },
        { request: 'agent.get', parameters: [new ArrayBuffer(4_000_000)], referenceId: 'junk-7' },
        { request: 'agent.get', parameters: [new Blob(['x'.repeat(1000)])], referenceId: 'junk-8' },
        { request: 'agent.get', referenceId: 'junk-9', frameId: 999 },
        { event: 'subscribe', data: { topics: 'agent' }, referenceId: 'junk-10' },
        { request: 'agent.get', referenceId: { id: 1 } },
        Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i])),
      ];
      for (const message of junk) window.parent.postMessage(message, origin);
      return junk.length;
    }, toolbarOrigin);
  }
}
