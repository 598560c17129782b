import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * Type-checks project code against Oracle's own UEF declarations: the kit's `uiEventsFramework.d.ts`
 * (read in place from CTIKIT_KITS, never copied) is a root file of a TypeScript program, so its
 * global `CX_SVC_UI_EVENTS_FRAMEWORK` namespace is visible to a generated check module. Each check
 * is one assignment, `function check(value: From): To { return value; }`, whose diagnostic names
 * the member that does not fit.
 */

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

export function oracleDeclarationsPath(): string {
  const kits = process.env.CTIKIT_KITS;
  if (!kits) throw new Error('CTIKIT_KITS must name the vendor kits folder');
  const path = resolve(kits, 'oracle-uef/uiEventsFramework.d.ts');
  if (!existsSync(path)) throw new Error(`Oracle's declarations are missing: ${path}`);
  return path;
}

export interface AssignabilityCheck {
  /** What the check is about, in words: shown with its diagnostics. */
  what: string;
  from: string;
  to: string;
}

export interface CheckProgram {
  /** Import lines of the check module (paths relative to the repository root, e.g. `packages/…`). */
  imports: string[];
  checks: AssignabilityCheck[];
  /** More project files to compile with Oracle's declarations in scope. */
  roots: string[];
}

/** Every diagnostic of the program, formatted; an empty list when the code fits Oracle's declarations. */
export function diagnosticsAgainstOracle(program: CheckProgram): string[] {
  const checkFile = resolve(repoRoot, 'packages/toolbar/vendor-test/.generated-oracle-check.ts');
  const rewrite = (line: string) => line.replace(/from '(packages\/[^']+)'/, (_, path: string) => `from '${resolve(repoRoot, path)}'`);
  const source = [
    ...program.imports.map(rewrite),
    ...program.checks.map((check, index) => `/** ${check.what} */\nexport function check${index}(value: ${check.from}): ${check.to} {\n  return value;\n}`),
  ].join('\n');

  const config = ts.getParsedCommandLineOfConfigFile(
    resolve(repoRoot, 'tsconfig.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  );
  if (!config) throw new Error('could not read tsconfig.json');
  const options: ts.CompilerOptions = { ...config.options, noEmit: true, skipLibCheck: true, types: ['node'] };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, onError) =>
    resolve(fileName) === checkFile ? ts.createSourceFile(fileName, source, language) : getSourceFile(fileName, language, onError);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => resolve(fileName) === checkFile || fileExists(fileName);

  const roots = [oracleDeclarationsPath(), checkFile, ...program.roots.map((root) => resolve(repoRoot, root))];
  const tsProgram = ts.createProgram({ rootNames: roots, options, host });
  const diagnostics = ts.getPreEmitDiagnostics(tsProgram).filter((d) => !d.file || !d.file.fileName.includes('/node_modules/'));
  return diagnostics.map((d) => ts.formatDiagnostic(d, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => repoRoot, getNewLine: () => '\n' }));
}
