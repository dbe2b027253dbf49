/**
 * The spec review: for every vendor, lint the spec, bundle it fresh, check the committed bundle and
 * generated types for drift, and diff the fresh bundle against the base commit's spec with
 * `@envspec/diff`; then type-check the repo's consumers of the generated types against the types
 * the head generates (dependents).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type Change, changeKey, diffDocuments, documentFrom } from '@envspec/diff';
import type { OpenApiDocument } from '@envspec/specs';
import { vendors, type Vendor } from '@envspec/specs/vendors';
import { generatedFile, renderIndex, renderVendor } from '@envspec/types/render';
import { findAcknowledgement, loadAcknowledgements, type Acknowledgement } from './acknowledgements.ts';
import { checkDependents, type DependentsResult } from './dependents.ts';
import {
  bundle,
  extractBase,
  lint,
  resolveBase,
  showFile,
  type Base,
  type LintProblem,
  type LintResult,
} from './tools.ts';

export interface ReviewOptions {
  /** Repository root: its working tree is the head, its git history holds the base. */
  root: string;
  /** Git ref to compare against (its merge base with HEAD); default `main`. */
  base?: string;
  /** Type-check the generated types' consumers (default true; tests that are not about it skip the tsc run). */
  dependents?: boolean;
}

export interface ReviewedChange extends Change {
  /** `changeKey(change)`: what an acknowledgement names. */
  key: string;
  acknowledged?: Acknowledgement;
}

export interface VendorReview {
  vendor: Vendor;
  title: string;
  lint: { errors: LintProblem[]; warnings: LintProblem[]; failure?: string };
  /** Committed files that differ from what `pnpm generate` would write now. */
  drift: string[];
  /** Why the head or base could not be bundled, if so. */
  failure?: string;
  /** Whether the base commit has this spec (if not, every operation is new). */
  inBase: boolean;
  breaking: ReviewedChange[];
  warnings: Change[];
  info: Change[];
  /** The types the head spec generates (for the dependents check). */
  types?: string;
}

export interface Review {
  base: Base;
  vendors: VendorReview[];
  /** Drift outside any one vendor (`packages/types/src/generated/index.ts`). */
  sharedDrift: string[];
  acknowledgementProblems: string[];
  /** Acknowledgements that match no change against this base: safe to delete. */
  unusedAcknowledgements: Acknowledgement[];
  /** The consumers of the generated types, type-checked against the head's types. */
  dependents: DependentsResult;
  /** Why the review fails; empty when it passes. */
  failures: string[];
}

async function readText(file: string): Promise<string | undefined> {
  return readFile(file, 'utf8').catch(() => undefined);
}

export async function runReview(options: ReviewOptions): Promise<Review> {
  const { root } = options;
  const base = await resolveBase(root, options.base);
  const work = await mkdtemp(join(tmpdir(), 'envspec-review-'));
  try {
    const [lintResults, acknowledgements] = await Promise.all([lint(root, vendors), loadAcknowledgements(root)]);
    let baseSources: Promise<string | undefined> | undefined;
    const context: VendorContext = {
      root,
      work,
      baseCommit: base.commit,
      // Extracted once, and only when some vendor's bundle is missing at the base.
      baseSources: () => (baseSources ??= extractSources(root, base.commit, join(work, 'base'))),
    };
    const reviews = await Promise.all(vendors.map((vendor) => reviewVendor(context, vendor, lintResults.get(vendor)!)));

    const sharedDrift: string[] = [];
    const indexFile = join('packages', 'types', generatedFile('index'));
    let index: string | undefined;
    if (reviews.every((review) => review.failure === undefined)) {
      index = await renderIndex((vendor) => freshBundle(context, vendor));
      if (index !== (await readText(join(root, indexFile)))) sharedDrift.push(indexFile);
    }

    const dependents =
      options.dependents === false
        ? { checked: false, skipped: 'not requested', projects: [], problems: [] }
        : await reviewDependents(context, reviews, index === undefined ? undefined : [indexFile, index]);

    const used = new Set<Acknowledgement>();
    for (const review of reviews) {
      for (const change of review.breaking) {
        const acknowledgement = findAcknowledgement(acknowledgements.entries, review.vendor, change);
        if (acknowledgement) {
          change.acknowledged = acknowledgement;
          used.add(acknowledgement);
        }
      }
    }

    const failures: string[] = [];
    for (const review of reviews) {
      if (review.failure) failures.push(`${review.vendor}: ${review.failure}`);
      if (review.lint.failure) failures.push(`${review.vendor}: lint could not run`);
      if (review.lint.errors.length > 0) failures.push(`${review.vendor}: ${review.lint.errors.length} lint error(s)`);
      if (review.drift.length > 0)
        failures.push(`${review.vendor}: stale ${review.drift.join(', ')} (run pnpm generate)`);
      const open = review.breaking.filter((change) => !change.acknowledged);
      if (open.length > 0) failures.push(`${review.vendor}: ${open.length} unacknowledged breaking change(s)`);
    }
    if (sharedDrift.length > 0) failures.push(`stale ${sharedDrift.join(', ')} (run pnpm generate)`);
    if (dependents.problems.length > 0) {
      failures.push(
        `dependents: ${dependents.problems.length} type error(s) in ${dependents.projects.map((project) => dirname(project)).join(', ')} against the new generated types`,
      );
    }
    failures.push(...acknowledgements.problems);

    return {
      base,
      vendors: reviews,
      sharedDrift,
      acknowledgementProblems: acknowledgements.problems,
      unusedAcknowledgements: acknowledgements.entries.filter((entry) => !used.has(entry)),
      dependents,
      failures,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

interface VendorContext {
  root: string;
  work: string;
  baseCommit: string;
  baseSources: () => Promise<string | undefined>;
}

function freshBundle(context: VendorContext, vendor: Vendor): string {
  return join(context.work, `${vendor}.json`);
}

async function extractSources(root: string, commit: string, dir: string): Promise<string | undefined> {
  await mkdir(dir, { recursive: true });
  return (await extractBase(root, commit, dir)) ? dir : undefined;
}

/**
 * The spec clients were built against: the bundle committed at the base (drift-checked there), or,
 * where the base has sources but no bundle, those sources bundled now. Undefined: a new spec.
 */
async function loadBase(context: VendorContext, vendor: Vendor): Promise<OpenApiDocument | undefined> {
  const committed = await showFile(context.root, context.baseCommit, `specs/bundled/${vendor}.json`);
  if (committed !== undefined) return JSON.parse(committed) as OpenApiDocument;
  const sources = await context.baseSources();
  if (!sources || !existsSync(join(sources, 'specs', vendor, 'openapi.yaml'))) return undefined;
  const output = join(context.work, `base-${vendor}.json`);
  await bundle(sources, vendor, output);
  return JSON.parse(await readFile(output, 'utf8')) as OpenApiDocument;
}

async function reviewVendor(context: VendorContext, vendor: Vendor, lintResult: LintResult): Promise<VendorReview> {
  const { root } = context;
  const review: VendorReview = {
    vendor,
    title: vendor,
    lint: {
      errors: lintResult.problems.filter((problem) => problem.severity === 'error'),
      warnings: lintResult.problems.filter((problem) => problem.severity === 'warn'),
      ...(lintResult.failure ? { failure: lintResult.failure } : {}),
    },
    drift: [],
    inBase: false,
    breaking: [],
    warnings: [],
    info: [],
  };

  const headBundle = freshBundle(context, vendor);
  try {
    await bundle(root, vendor, headBundle);
  } catch (error) {
    review.failure = `cannot bundle the spec: ${(error as Error).message}`;
    return review;
  }
  const headText = await readFile(headBundle, 'utf8');
  const head = JSON.parse(headText) as OpenApiDocument;
  review.title = head.info?.title ?? vendor;

  const bundleFile = join('specs', 'bundled', `${vendor}.json`);
  if ((await readText(join(root, bundleFile))) !== headText) review.drift.push(bundleFile);
  const typesFile = join('packages', 'types', generatedFile(vendor));
  review.types = await renderVendor(vendor, headBundle);
  if (review.types !== (await readText(join(root, typesFile)))) review.drift.push(typesFile);

  let base: OpenApiDocument | undefined;
  try {
    base = await loadBase(context, vendor);
  } catch (error) {
    review.failure = `cannot read the base version: ${(error as Error).message}`;
    return review;
  }
  review.inBase = base !== undefined;
  // A spec new at the base is compared with an empty one: every operation is added.
  const baseDocument = base ?? { openapi: head.openapi, info: { title: review.title, version: '0.0.0' }, paths: {} };
  const changes = diffDocuments(
    documentFrom(baseDocument, `${context.baseCommit.slice(0, 12)}:specs/bundled/${vendor}.json`),
    documentFrom(head, `specs/bundled/${vendor}.json`),
  );
  for (const change of changes) {
    if (change.level === 'breaking') review.breaking.push({ ...change, key: changeKey(change) });
    else if (change.level === 'warning') review.warnings.push(change);
    else review.info.push(change);
  }
  return review;
}

/**
 * Type-checks the consumers against the head's generated types where they differ from the base's
 * (which the base branch's own type-check already covered); nothing changed, nothing to check.
 */
async function reviewDependents(
  context: VendorContext,
  reviews: VendorReview[],
  index: [string, string] | undefined,
): Promise<DependentsResult> {
  const overrides = new Map<string, string>();
  const candidates: Array<[string, string | undefined]> = reviews.map((review) => [
    join('packages', 'types', generatedFile(review.vendor)),
    review.types,
  ]);
  if (index) candidates.push(index);
  for (const [file, content] of candidates) {
    if (content === undefined) continue;
    if ((await showFile(context.root, context.baseCommit, file)) !== content)
      overrides.set(join(context.root, file), content);
  }
  if (overrides.size === 0)
    return { checked: false, skipped: 'the generated types are the same as at the base', projects: [], problems: [] };
  return checkDependents(context.root, overrides);
}
