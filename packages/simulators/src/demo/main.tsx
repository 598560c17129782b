import { render } from 'preact';
import contacts from '../fusion/contacts.json';
import { formatNumber, fullName, parseContactDirectory } from '../fusion/contact-directory.ts';
import { FusionSession } from '../fusion/fusion-session.ts';
import { readPageConfig } from '../fusion/page-config.ts';
import { readTrustTokenSettings } from '../fusion/trust-token-settings.ts';
import { linkToolbarFrame, postToToolbar } from '../fusion/toolbar-frame-link.ts';
import { FusionApp } from '../fusion/ui/FusionApp.tsx';
import { browserClock } from '../wire/browser-clock.ts';

/**
 * The demo page: the simulated Fusion Service framing the media toolbar, and beside it the customer
 * phone that drives the contact-center simulator. The phone panel is a chunk of its own, loaded
 * after Fusion is up. Opened with `trustToken=signed`, Fusion hands out trust tokens it signs with
 * the key of the trust-token.json beside the page (trust-token.ts, loaded only then).
 */

const page = readPageConfig(window.location.href);
const trustTokens = page.signedTrustToken
  ? await Promise.all([readTrustTokenSettings(window.location.href), import('../fusion/trust-token.ts')]).then(([settings, { SignedTrustTokens }]) =>
      SignedTrustTokens.start(settings, page.user, browserClock),
    )
  : undefined;
const directory = parseContactDirectory(contacts);
let frame: HTMLIFrameElement | null = null;

const session = new FusionSession({
  clock: browserClock,
  config: page.fusion,
  directory,
  post: postToToolbar(() => frame, page.toolbarOrigin),
  ...(trustTokens ? { trustToken: () => trustTokens.current() } : {}),
});
linkToolbarFrame(window, () => frame, page.toolbarOrigin, session);

const demo = document.getElementById('demo') ?? document.body;
render(
  <FusionApp session={session} directory={directory} toolbarFrameUrl={page.toolbarFrameUrl} frameRef={(el) => (frame = el)} />,
  document.getElementById('fusion-root') ?? demo,
);

if (page.showPhone) {
  demo.classList.add('has-phone');
  const phoneRoot = demo.appendChild(document.createElement('div'));
  phoneRoot.className = 'phone-root';
  const samples = directory.contacts.map((c) => ({ label: `${fullName(c)} · ${formatNumber(c.phone)}`, number: c.phone }));
  void import('../phone/PhonePanel.tsx').then(({ default: PhonePanel }) => render(<PhonePanel samples={samples} />, phoneRoot));
}
