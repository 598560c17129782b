import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { IdentityOptionsInput } from './identity-options.ts';

/**
 * The config file's `identity` section: the options of identity-options.ts, where the things an
 * operator keeps in files of their own may be named by path instead (relative to the config file):
 * `fusion.certificateFile` (PEM), `directory.file` (YAML or JSON: `{ agents: [...] }` or the list
 * itself) and `signingKeyFile` (PKCS#8 PEM). The result is validated by `createBridge` like any
 * other option.
 */
const sectionSchema = z
  .object({
    fusion: z
      .object({ certificateFile: z.string().min(1).optional() })
      .loose()
      .optional(),
    directory: z
      .object({ file: z.string().min(1).optional() })
      .loose()
      .optional(),
    signingKeyFile: z.string().min(1).optional(),
  })
  .loose();

/** A file the identity section names, or an error that says which and why. */
export async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`${path}: cannot read the ${what} (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
}

async function readDirectory(path: string): Promise<unknown> {
  const text = await readText(path, 'identity directory');
  let content: unknown;
  try {
    content = extname(path) === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new Error(
      `${path}: the identity directory is not valid ${extname(path) === '.json' ? 'JSON' : 'YAML'} (${error instanceof Error ? error.message : String(error)})`,
      { cause: error },
    );
  }
  return Array.isArray(content) ? content : (content as { agents?: unknown } | null)?.agents;
}

export async function identityFromFile(section: Record<string, unknown>, base: string, source: string): Promise<IdentityOptionsInput> {
  const parsed = sectionSchema.safeParse(section);
  if (!parsed.success) throw new Error(`${source}: identity: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const { fusion, directory, signingKeyFile, ...rest } = parsed.data;
  const result: Record<string, unknown> = { ...rest };
  if (fusion) {
    const { certificateFile, ...fusionRest } = fusion;
    result['fusion'] =
      certificateFile === undefined ? fusionRest : { ...fusionRest, certificate: await readText(resolve(base, certificateFile), 'Fusion certificate') };
  }
  if (directory) {
    const { file, ...directoryRest } = directory;
    result['directory'] = file === undefined ? directoryRest : { ...directoryRest, agents: await readDirectory(resolve(base, file)) };
  }
  if (signingKeyFile !== undefined) result['signingKey'] = await readText(resolve(base, signingKeyFile), 'signing key');
  return result as IdentityOptionsInput;
}
