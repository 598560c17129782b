/**
 * The ring of an incoming call, for an agent who is looking elsewhere: a sound, and while the
 * toolbar's page is hidden or without the focus, its title flashing and a badge on its icon.
 *
 * The sound is Web Audio, started only if the browser's autoplay policy lets this page play: the
 * audio context is made (and resumed) on the agent's first click or key press in the frame; one made
 * before any such gesture stays suspended, and then `onSoundBlocked` says so (the view offers "Click
 * to enable ring sound", the click being the gesture that lets it run). Everything stops as the
 * ringing does: answered, declined, ended. A vendor whose own client rings (Amazon Connect) is not
 * rung over: the ring is then only seen.
 */
const RING_ON_MS = 1_000;
const RING_PERIOD_MS = 3_000;
const FLASH_MS = 1_000;
/** Two tones, as a telephone bell's ring is heard: 440 Hz and 480 Hz together. */
const TONES = [440, 480];
const BADGE_ICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Ccircle cx='16' cy='16' r='15' fill='%231f5fa8'/%3E%3Ccircle cx='25' cy='7' r='7' fill='%23ad3127'/%3E%3C/svg%3E";

export interface RingOptions {
  readonly document: Document;
  /** Whether to ring aloud: not when the vendor's own client plays its ringtone (Amazon Connect's Streams). */
  readonly sound: boolean;
  /** The title shown in turn with the page's own while it rings. */
  readonly ringingTitle: string;
  /** Told whenever the sound turns blocked (the view shows its hint) or playable again. */
  readonly onSoundBlocked: (blocked: boolean) => void;
}

export class Ring {
  private context: AudioContext | undefined;
  private ringing = false;
  private soundTimer: ReturnType<typeof setInterval> | undefined;
  private flashTimer: ReturnType<typeof setInterval> | undefined;
  private restoreTitle: string | undefined;
  private restoreIcon: string | undefined;
  private readonly watchFocus = () => this.updateFlash();
  private readonly unlock = () => this.enableSound();

  constructor(private readonly options: RingOptions) {
    const view = options.document.defaultView;
    options.document.addEventListener('pointerdown', this.unlock, true);
    options.document.addEventListener('keydown', this.unlock, true);
    options.document.addEventListener('visibilitychange', this.watchFocus);
    view?.addEventListener('focus', this.watchFocus);
    view?.addEventListener('blur', this.watchFocus);
  }

  /** Ring, or stop ringing. */
  set(ringing: boolean): void {
    if (ringing === this.ringing) return;
    this.ringing = ringing;
    if (ringing && this.options.sound) this.startSound();
    else if (!ringing) this.stopSound();
    this.updateFlash();
  }

  /** On a user gesture (any click or key press in the frame, the hint's click): let the sound play. */
  enableSound(): void {
    void this.audio()?.resume();
  }

  dispose(): void {
    this.set(false);
    const view = this.options.document.defaultView;
    this.options.document.removeEventListener('pointerdown', this.unlock, true);
    this.options.document.removeEventListener('keydown', this.unlock, true);
    this.options.document.removeEventListener('visibilitychange', this.watchFocus);
    view?.removeEventListener('focus', this.watchFocus);
    view?.removeEventListener('blur', this.watchFocus);
    void this.context?.close();
  }

  private audio(): AudioContext | undefined {
    if (!this.options.sound) return undefined;
    if (this.context) return this.context;
    const view = this.options.document.defaultView as (Window & { AudioContext?: typeof AudioContext }) | null;
    if (!view?.AudioContext) return undefined;
    const context = new view.AudioContext();
    // Suspended until the browser lets the page play; once it runs, a ring in progress is heard.
    context.addEventListener('statechange', () => {
      if (context.state === 'running' && this.ringing) this.startSound();
    });
    this.context = context;
    return context;
  }

  private startSound(): void {
    const context = this.audio();
    if (!context || context.state !== 'running') {
      this.options.onSoundBlocked(context !== undefined);
      return;
    }
    this.options.onSoundBlocked(false);
    if (this.soundTimer !== undefined) return;
    this.burst(context);
    this.soundTimer = setInterval(() => this.burst(context), RING_PERIOD_MS);
  }

  private stopSound(): void {
    if (this.soundTimer !== undefined) clearInterval(this.soundTimer);
    this.soundTimer = undefined;
    this.options.onSoundBlocked(false);
  }

  /** One ring: both tones for RING_ON_MS, faded in and out so they do not click. */
  private burst(context: AudioContext): void {
    const start = context.currentTime;
    const end = start + RING_ON_MS / 1000;
    const gain = context.createGain();
    gain.gain.setValueAtTime(0, start);
    gain.gain.linearRampToValueAtTime(0.15, start + 0.02);
    gain.gain.setValueAtTime(0.15, end - 0.02);
    gain.gain.linearRampToValueAtTime(0, end);
    gain.connect(context.destination);
    for (const frequency of TONES) {
      const tone = context.createOscillator();
      tone.frequency.value = frequency;
      tone.connect(gain);
      tone.start(start);
      tone.stop(end);
    }
  }

  /** Flash while ringing and the page is hidden or has not the focus; put title and icon back otherwise. */
  private updateFlash(): void {
    const doc = this.options.document;
    const away = doc.hidden || !doc.hasFocus();
    if (this.ringing && away) {
      if (this.flashTimer !== undefined) return;
      this.restoreTitle = doc.title;
      const icon = doc.querySelector<HTMLLinkElement>('link[rel="icon"]');
      this.restoreIcon = icon?.href;
      if (icon) icon.href = BADGE_ICON;
      let on = false;
      const flash = () => {
        on = !on;
        doc.title = on ? this.options.ringingTitle : (this.restoreTitle ?? '');
      };
      flash();
      this.flashTimer = setInterval(flash, FLASH_MS);
      return;
    }
    if (this.flashTimer === undefined) return;
    clearInterval(this.flashTimer);
    this.flashTimer = undefined;
    doc.title = this.restoreTitle ?? doc.title;
    const icon = doc.querySelector<HTMLLinkElement>('link[rel="icon"]');
    if (icon && this.restoreIcon !== undefined) icon.href = this.restoreIcon;
  }
}
