/**
 * Dependents: the repo's own consumers of the generated types (packages/client: src, examples,
 * tests) type-checked against the types the head spec generates — the ones `pnpm generate` would
 * write — so a change that no longer compiles there is reported, acknowledged or not.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

export interface TypeProblem {
  /** `packages/client/examples/fabro.ts:18`, relative to the root. */
  location: string;
  message: string;
}

export interface DependentsResult {
  /** Whether the consumers were type-checked (not when the types did not change, or no consumer exists). */
  checked: boolean;
  /** Why not, when not. */
  skipped?: string;
  /** The consumer projects, relative to the root. */
  projects: string[];
  problems: TypeProblem[];
}

/** Projects whose code consumes `@envspec/types`, relative to the root. */
export const consumerProjects = ['packages/client/tsconfig.json'];

function realpath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * Type-checks each consumer project with `overrides` (absolute path → content) in place of the
 * files on disk. A package's imports of itself (`@envspec/client/fabro`) resolve to its sources,
 * not to its build output, so the check does not depend on a build.
 */
export function checkDependents(root: string, overrides: Map<string, string>): DependentsResult {
  const projects = consumerProjects.filter((project) => existsSync(join(root, project)));
  if (projects.length === 0)
    return { checked: false, skipped: 'no consumer project in this tree', projects, problems: [] };
  const replaced = new Map([...overrides].map(([path, content]) => [realpath(path), content]));
  const problems: TypeProblem[] = [];
  for (const project of projects) {
    const configFile = join(root, project);
    const parsed = ts.getParsedCommandLineOfConfigFile(
      configFile,
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
    );
    if (!parsed) {
      problems.push({ location: project, message: 'cannot read the tsconfig' });
      continue;
    }
    const packageDir = dirname(configFile);
    const manifest = JSON.parse(ts.sys.readFile(join(packageDir, 'package.json')) ?? '{}') as { name?: string };
    const options: ts.CompilerOptions = { ...parsed.options, noEmit: true };
    if (manifest.name) {
      options.paths = {
        ...options.paths,
        [manifest.name]: [join(packageDir, 'src/index.ts')],
        [`${manifest.name}/*`]: [join(packageDir, 'src/*/index.ts')],
      };
    }
    const host = ts.createCompilerHost(options, true);
    const readFile = host.readFile.bind(host);
    const fileExists = host.fileExists.bind(host);
    host.readFile = (file) => replaced.get(realpath(file)) ?? readFile(file);
    host.fileExists = (file) => replaced.has(realpath(file)) || fileExists(file);
    const program = ts.createProgram({ rootNames: parsed.fileNames, options, host });
    const consumerDir = realpath(packageDir);
    for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
      const file = diagnostic.file;
      // Only the consumer's own files: what it imports is checked by its own package.
      if (file && !realpath(file.fileName).startsWith(`${consumerDir}/`)) continue;
      const where = file
        ? `${relative(root, file.fileName)}:${file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}`
        : project;
      problems.push({ location: where, message: ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ') });
    }
  }
  return { checked: true, projects, problems };
}
