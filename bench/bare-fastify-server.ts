import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';

/**
 * `bench:commands`' baseline: a bare Fastify route in the bridge's REST shape, `POST
 * /genesys/events` with a JSON body, answering `{ ok, type, referenceId }` — no schema, hooks,
 * sessions or contact center. It prints `listening <url>` and runs until killed.
 */

const app = Fastify({ logger: false });
app.post('/genesys/events', async (request) => {
  const { type } = request.body as { type?: unknown };
  return { ok: true, type, referenceId: randomUUID() };
});
const url = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`listening ${url}`);
