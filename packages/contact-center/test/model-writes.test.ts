import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The engine's state is written only by its transitions: the model is read-only to the type checker,
 * and only the transition modules take its writable view (`writable` in model.ts).
 */
const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/** The modules that may write the model, each its own part of it (model.ts says which). */
const TRANSITION_MODULES = ['agent-state.ts', 'call-data.ts', 'call.ts', 'leg-moves.ts', 'party-moves.ts', 'queue-moves.ts'];

function sources(dir: string, prefix = ''): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) for (const [name, text] of sources(`${dir}${entry.name}/`, `${prefix}${entry.name}/`)) files.set(name, text);
    else if (entry.name.endsWith('.ts')) files.set(`${prefix}${entry.name}`, readFileSync(`${dir}${entry.name}`, 'utf8'));
  }
  return files;
}

/** The modules that import `writable` or `Writable` from the model. */
export function modulesTakingWritable(files: ReadonlyMap<string, string>): string[] {
  const takers: string[] = [];
  for (const [name, text] of files) {
    const source = ts.createSourceFile(name, text, ts.ScriptTarget.Latest);
    const takes = source.statements.some(
      (statement) =>
        ts.isImportDeclaration(statement) &&
        ts.isStringLiteral(statement.moduleSpecifier) &&
        /(^|\/)model\.ts$/.test(statement.moduleSpecifier.text) &&
        statement.importClause?.namedBindings !== undefined &&
        ts.isNamedImports(statement.importClause.namedBindings) &&
        statement.importClause.namedBindings.elements.some((element) => ['writable', 'Writable'].includes((element.propertyName ?? element.name).text)),
    );
    if (takes) takers.push(name);
  }
  return takers.sort();
}

/** The type checker's complaints about each snippet, compiled together as modules of src/ beside model.ts. */
function typeErrors(snippets: Readonly<Record<string, string>>): Record<string, string[]> {
  const virtual = new Map(Object.entries(snippets).map(([name, body]) => [`${SRC}${name}`, body]));
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    skipLibCheck: true,
    lib: ['lib.es2023.d.ts'],
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => virtual.get(name) ?? readFile(name);
  host.fileExists = (name) => virtual.has(name) || fileExists(name);
  host.getSourceFile = (name, language) => {
    const body = virtual.get(name);
    return body !== undefined ? ts.createSourceFile(name, body, language) : getSourceFile(name, language);
  };
  const program = ts.createProgram([...virtual.keys()], options, host);
  return Object.fromEntries(
    Object.keys(snippets).map((name) => [
      name,
      ts
        .getPreEmitDiagnostics(program, program.getSourceFile(`${SRC}${name}`))
        .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')),
    ]),
  );
}

const DIRECT_WRITES = [
  "party.state = 'Held';",
  'party.muted = true;',
  'delete party.timer;',
  'call.parties.push(party);',
  "call.queuedIn = '8000';",
  'call.rejectedBy.clear();',
  "call.recordingState = 'Recording';",
  'delete call.consultation;',
  'queue.waiting.splice(0, 1);',
  "agent.state = 'Ready';",
  'agent.calls.delete(call);',
  'agent.idleSince = 0;',
];

const writer = (imports: string, writes: readonly string[]): string =>
  [`import { ${imports} } from './model.ts';`, 'export function write(agent: Agent, call: Call, party: Party, queue: Queue): void {', ...writes, '}'].join(
    '\n',
  );

/** The same writes, directly and through the writable view; compiled once, on first use. */
let compiled: Record<string, string[]> | undefined;
function compiledWrites(): Record<string, string[]> {
  compiled ??= typeErrors({
    'direct-writes.ts': writer('type Agent, type Call, type Party, type Queue', DIRECT_WRITES),
    'writable-writes.ts': writer(
      'writable, type Agent, type Call, type Party, type Queue',
      DIRECT_WRITES.map((write) =>
        write.replace(/^(delete )?(party|call|queue|agent)\b/, (_, del: string | undefined, part: string) => `${del ?? ''}writable(${part})`),
      ),
    ),
  });
  return compiled;
}

describe('the engine’s state', () => {
  it('is written only by the transition modules: no other module takes the writable view', () => {
    expect(modulesTakingWritable(sources(SRC))).toEqual(TRANSITION_MODULES);
  });

  it('the check finds a module that takes it', () => {
    const files = new Map([
      ['routing.ts', "import { writable, type Call } from './model.ts';"],
      ['outbound/dialer.ts', "import type { Writable as W } from '../model.ts';"],
      ['views.ts', "import type { Call } from './model.ts';"],
    ]);
    expect(modulesTakingWritable(files)).toEqual(['outbound/dialer.ts', 'routing.ts']);
  });

  it('is read-only to everyone else: a direct write does not compile', () => {
    const errors = compiledWrites()['direct-writes.ts'] ?? [];
    expect(errors).toHaveLength(DIRECT_WRITES.length);
    for (const error of errors) expect(error).toMatch(/read-only|does not exist on type '(readonly \w+\[\]|ReadonlySet<\w+>)'/);
  });

  it('the compile check passes the same writes through the writable view', () => {
    expect(compiledWrites()['writable-writes.ts']).toEqual([]);
  });
});
