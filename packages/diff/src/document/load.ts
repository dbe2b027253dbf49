/**
 * Loading an OpenAPI 3.0 or 3.1 document (YAML or JSON) with every file its `$ref`s reach, so
 * that the walk can resolve references synchronously.
 */
import { parse } from 'yaml';
import { DiffInputError } from '../errors.ts';
import { openSource, type SourceFile } from './source.ts';

export type OpenApiVersion = '3.0' | '3.1';

export interface LoadedFile {
  name: string;
  text?: string;
  value: unknown;
  /** The file part of each external `$ref` in this file → the name of the loaded file. */
  references: Map<string, string>;
}

export interface LoadedDocument {
  /** The main file's name. */
  name: string;
  version: OpenApiVersion;
  /** The main file's parsed value. */
  root: Record<string, unknown>;
  /** Every file, the main one first, by name. */
  files: Map<string, LoadedFile>;
}

const maxFiles = 500;

function parseText(text: string, name: string): unknown {
  try {
    return parse(text, { maxAliasCount: 10_000, prettyErrors: false });
  } catch (error) {
    const message = (error as Error).message.split('\n')[0];
    throw new DiffInputError(`cannot parse ${name}: ${message}`);
  }
}

function versionOf(value: unknown, name: string): OpenApiVersion {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DiffInputError(`${name} is not an OpenAPI document (expected a mapping at the top level)`);
  }
  const record = value as Record<string, unknown>;
  if (typeof record.swagger === 'string') {
    throw new DiffInputError(`${name} is Swagger ${record.swagger}; only OpenAPI 3.0 and 3.1 are supported`);
  }
  const version = typeof record.openapi === 'string' ? record.openapi : undefined;
  if (!version) throw new DiffInputError(`${name} is not an OpenAPI document (no 'openapi' version field)`);
  if (/^3\.0(\.|$)/.test(version)) return '3.0';
  if (/^3\.1(\.|$)/.test(version)) return '3.1';
  throw new DiffInputError(`${name} is OpenAPI ${version}; only 3.0 and 3.1 are supported`);
}

/** The file parts of the external `$ref`s in `value` (`common.yaml` of `common.yaml#/components/…`). */
function externalReferences(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) externalReferences(item, found);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string' && !child.startsWith('#')) {
        const file = child.split('#')[0]!;
        if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(file)) found.add(file);
      } else externalReferences(child, found);
    }
  }
  return found;
}

async function loadFiles(main: SourceFile, mainValue: unknown): Promise<Map<string, LoadedFile>> {
  const files = new Map<string, LoadedFile>();
  const pending: Array<{ source: SourceFile; value: unknown }> = [{ source: main, value: mainValue }];
  while (pending.length > 0) {
    const { source, value } = pending.shift()!;
    const file: LoadedFile = { name: source.name, text: source.text, value, references: new Map() };
    files.set(source.name, file);
    for (const reference of externalReferences(value)) {
      let sibling: SourceFile;
      try {
        sibling = await source.sibling(reference);
      } catch (error) {
        throw new DiffInputError(`${source.name}: $ref to ${reference}: ${(error as Error).message}`);
      }
      file.references.set(reference, sibling.name);
      if (files.has(sibling.name) || pending.some((entry) => entry.source.name === sibling.name)) continue;
      if (files.size + pending.length >= maxFiles)
        throw new DiffInputError(`${main.name}: more than ${maxFiles} files`);
      pending.push({ source: sibling, value: parseText(sibling.text, sibling.name) });
    }
  }
  return files;
}

/** Loads a document from a path or `git-ref:path`, with the files its `$ref`s name. */
export async function loadDocument(argument: string, options: { cwd?: string } = {}): Promise<LoadedDocument> {
  const source = await openSource(argument, options.cwd);
  const value = parseText(source.text, source.name);
  const version = versionOf(value, source.name);
  return { name: source.name, version, root: value as Record<string, unknown>, files: await loadFiles(source, value) };
}

/** A document already in memory (a bundle, a test fixture): local `$ref`s only. */
export function documentFrom(value: unknown, name = 'document'): LoadedDocument {
  const version = versionOf(value, name);
  return {
    name,
    version,
    root: value as Record<string, unknown>,
    files: new Map([[name, { name, value, references: new Map() }]]),
  };
}

/** A document from YAML or JSON text: local `$ref`s only. */
export function documentFromText(text: string, name = 'document'): LoadedDocument {
  const document = documentFrom(parseText(text, name), name);
  document.files.get(name)!.text = text;
  return document;
}
