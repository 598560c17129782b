import { importPKCS8, SignJWT } from 'jose';
import type { Clock, TimerHandle } from '@ctikit/kernel';
import type { TrustTokenSettings } from './trust-token-settings.ts';

/**
 * Fusion's trust token, signed as Fusion signs it: an RS256 JWT naming the signed-in Fusion user
 * (`prn`, and `sub`), from `iss` (`www.oracle.com` unless configured), good for `ttlSec` from its
 * `iat`. getConfigurationOperation answers the current one. A token is signed again when half its
 * life has gone, so a toolbar that asks again because the bridge said its token expired gets one
 * the bridge accepts.
 */
export class SignedTrustTokens {
  private token: string;
  private timer: TimerHandle | undefined;

  private constructor(
    private readonly sign: () => Promise<string>,
    first: string,
    private readonly refreshMs: number,
    private readonly clock: Clock,
  ) {
    this.token = first;
    this.schedule();
  }

  static async start(settings: TrustTokenSettings, user: string, clock: Clock): Promise<SignedTrustTokens> {
    const key = await importPKCS8(settings.privateKey, 'RS256');
    const sign = () => {
      const now = Math.floor(clock.now() / 1000);
      return new SignJWT({ prn: user })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
        .setIssuer(settings.issuer)
        .setSubject(user)
        .setIssuedAt(now)
        .setExpirationTime(now + settings.ttlSec)
        .sign(key);
    };
    return new SignedTrustTokens(sign, await sign(), (settings.ttlSec * 1000) / 2, clock);
  }

  current(): string {
    return this.token;
  }

  stop(): void {
    this.timer?.cancel();
  }

  private schedule(): void {
    this.timer = this.clock.setTimer(this.refreshMs, () => {
      void this.sign().then((token) => {
        this.token = token;
        this.schedule();
      });
    });
  }
}
