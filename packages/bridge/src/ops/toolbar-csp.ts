import { z } from 'zod';
import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy on the toolbar pages the bridge serves (`/toolbar/…`). The toolbar
 * runs its own scripts and Oracle's UEF client library only, and only Fusion may frame it:
 *
 *   script-src 'self' https://static.oracle.com; object-src 'none'; base-uri 'self';
 *   frame-ancestors 'self' https://<your-pod>.fa.<dc>.oraclecloud.com
 *
 * `frameAncestors` are the tenant's Fusion origins (dev default: the loopback origins the demo
 * frames it from); `scriptSources` the origins scripts may load from besides the toolbar's own.
 */

/** One CSP source expression: `'self'`, `'none'`, or `scheme://host[:port]` (host and port may be `*`-wildcarded). */
const cspSource = z
  .string()
  .regex(
    /^('self'|'none'|https?:\/\/(\*\.)?[a-z0-9.-]+(:(\d{1,5}|\*))?|https?:\/\/\[[0-9a-f:]+\](:(\d{1,5}|\*))?)$/i,
    "a CSP source: 'self', 'none' or scheme://host[:port]",
  );

export const toolbarCspSchema = z
  .object({
    frameAncestors: z.array(cspSource).min(1).optional(),
    scriptSources: z.array(cspSource).default(['https://static.oracle.com']),
  })
  .strict()
  .default({ scriptSources: ['https://static.oracle.com'] });
export type ToolbarCspOptions = z.output<typeof toolbarCspSchema>;

/** Where the demo frames the toolbar from in dev mode: the Fusion simulator on any loopback port. */
const DEV_FRAME_ANCESTORS = ["'self'", 'http://localhost:*', 'http://127.0.0.1:*', 'http://[::1]:*'];

export function toolbarPolicy(options: ToolbarCspOptions, mode: 'dev' | 'production'): string {
  const ancestors = options.frameAncestors ?? (mode === 'dev' ? DEV_FRAME_ANCESTORS : ["'self'"]);
  return [`script-src 'self' ${options.scriptSources.join(' ')}`.trim(), "object-src 'none'", "base-uri 'self'", `frame-ancestors ${ancestors.join(' ')}`].join(
    '; ',
  );
}

/** Put the policy on every answer of the routes under `prefix` (the toolbar's static files). */
export function serveToolbarPolicy(app: FastifyInstance, prefix: string, policy: string): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.routeOptions.url?.startsWith(prefix)) void reply.header('content-security-policy', policy);
    return payload;
  });
}
