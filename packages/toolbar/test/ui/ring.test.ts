import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Ring } from '../../src/ui/agent-tools/ring.ts';

/** A browser's audio context as far as the ring uses it: suspended until `allow()` says the autoplay policy lets it run. */
class FakeAudioContext {
  static allowed = false;
  static made: FakeAudioContext[] = [];
  state: 'suspended' | 'running' | 'closed' = 'suspended';
  tones = 0;
  readonly currentTime = 0;
  readonly destination = {};
  private readonly listeners: (() => void)[] = [];
  constructor() {
    FakeAudioContext.made.push(this);
  }
  addEventListener(_type: 'statechange', listener: () => void): void {
    this.listeners.push(listener);
  }
  resume(): Promise<void> {
    if (FakeAudioContext.allowed && this.state === 'suspended') {
      this.state = 'running';
      for (const listener of this.listeners) listener();
    }
    return Promise.resolve();
  }
  close(): Promise<void> {
    this.state = 'closed';
    return Promise.resolve();
  }
  createGain() {
    return { gain: { setValueAtTime: () => undefined, linearRampToValueAtTime: () => undefined }, connect: () => undefined };
  }
  createOscillator() {
    return { frequency: { value: 0 }, connect: () => undefined, start: () => (this.tones += 1), stop: () => undefined };
  }
}

function fakeDocument() {
  const listeners = new Map<string, () => void>();
  const icon = { href: 'https://toolbar.example/favicon.svg' };
  const doc = {
    title: 'Phone',
    hidden: false,
    focused: true,
    hasFocus: () => doc.focused,
    querySelector: () => icon,
    addEventListener: (type: string, listener: () => void) => listeners.set(type, listener),
    removeEventListener: (type: string) => listeners.delete(type),
    defaultView: { AudioContext: FakeAudioContext, addEventListener: () => undefined, removeEventListener: () => undefined },
  };
  return { doc, icon, gesture: () => listeners.get('pointerdown')?.() };
}

describe('Ring', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeAudioContext.allowed = false;
    FakeAudioContext.made = [];
  });
  afterEach(() => vi.useRealTimers());

  it('says the sound is blocked until a gesture in the frame lets it play, then rings in bursts; stops with the ringing', async () => {
    const { doc, gesture } = fakeDocument();
    const blocked: boolean[] = [];
    const ring = new Ring({ document: doc as unknown as Document, sound: true, ringingTitle: 'Incoming call', onSoundBlocked: (value) => blocked.push(value) });
    ring.set(true);
    expect(blocked.at(-1)).toBe(true);
    const [context] = FakeAudioContext.made;
    expect(context?.tones).toBe(0);

    FakeAudioContext.allowed = true;
    gesture();
    await Promise.resolve();
    expect(blocked.at(-1)).toBe(false);
    expect(context?.tones).toBe(2);
    vi.advanceTimersByTime(3_000);
    expect(context?.tones).toBe(4);

    ring.set(false);
    vi.advanceTimersByTime(9_000);
    expect(context?.tones).toBe(4);
    ring.dispose();
  });

  it('flashes the title and badges the icon only while the page is away, and puts both back', () => {
    const { doc, icon } = fakeDocument();
    FakeAudioContext.allowed = true;
    const ring = new Ring({ document: doc as unknown as Document, sound: false, ringingTitle: 'Incoming call', onSoundBlocked: () => undefined });
    ring.set(true);
    expect(doc.title).toBe('Phone');
    ring.set(false);
    doc.focused = false;
    ring.set(true);
    expect(doc.title).toBe('Incoming call');
    expect(icon.href).toMatch(/^data:image\/svg\+xml/);
    vi.advanceTimersByTime(1_000);
    expect(doc.title).toBe('Phone');
    vi.advanceTimersByTime(1_000);
    expect(doc.title).toBe('Incoming call');
    ring.set(false);
    expect(doc.title).toBe('Phone');
    expect(icon.href).toBe('https://toolbar.example/favicon.svg');
    // Without sound (the vendor rings itself) no audio context is ever made.
    expect(FakeAudioContext.made).toEqual([]);
    ring.dispose();
  });
});
