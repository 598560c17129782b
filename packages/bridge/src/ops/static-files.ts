import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { StaticDir } from '../options.ts';

/**
 * Serve each configured folder that exists (the simulators' and the toolbar's built pages, which
 * other packages produce); a missing folder is skipped with a log line, not an error.
 */
export async function registerStaticDirs(app: FastifyInstance, dirs: readonly StaticDir[]): Promise<string[]> {
  const served: string[] = [];
  for (const { dir, prefix } of dirs) {
    const root = resolve(dir);
    if (!existsSync(root) || !statSync(root).isDirectory()) {
      app.log.info({ dir: root, prefix }, 'static folder not found: not served');
      continue;
    }
    await app.register(fastifyStatic, { root, prefix, decorateReply: served.length === 0, index: ['index.html'] });
    served.push(prefix);
  }
  return served;
}
