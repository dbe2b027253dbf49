/**
 * The spec review: for every vendor, lint the spec, bundle it fresh, check the committed bundle and
 * generated types for drift, and diff the fresh bundle against the base commit's spec.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenApiDocument } from '@envspec/specs';
import { vendors, type Vendor } from '@envspec/specs/vendors';
import { generatedFile, renderIndex, renderVendor } from '@envspec/types/render';
import { findAcknowledgement, loadAcknowledgements, type Acknowledgement } from './acknowledgements.ts';
import { diffSpecs, type Change } from './diff.ts';
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
}

export interface ReviewedChange extends Change {
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
  nonBreaking: Change[];
}

export interface Review {
  base: Base;
  vendors: VendorReview[];
  /** Drift outside any one vendor (`packages/types/src/generated/index.ts`). */
  sharedDrift: string[];
  acknowledgementProblems: string[];
  /** Acknowledgements that match no change against this base: safe to delete. */
  unusedAcknowledgements: Acknowledgement[];
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
    if (reviews.every((review) => review.failure === undefined)) {
      const indexFile = join('packages', 'types', generatedFile('index'));
      if ((await renderIndex((vendor) => freshBundle(context, vendor))) !== (await readText(join(root, indexFile))))
        sharedDrift.push(indexFile);
    }

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
    failures.push(...acknowledgements.problems);

    return {
      base,
      vendors: reviews,
      sharedDrift,
      acknowledgementProblems: acknowledgements.problems,
      unusedAcknowledgements: acknowledgements.entries.filter((entry) => !used.has(entry)),
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
    nonBreaking: [],
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
  if ((await renderVendor(vendor, headBundle)) !== (await readText(join(root, typesFile))))
    review.drift.push(typesFile);

  let base: OpenApiDocument | undefined;
  try {
    base = await loadBase(context, vendor);
  } catch (error) {
    review.failure = `cannot read the base version: ${(error as Error).message}`;
    return review;
  }
  review.inBase = base !== undefined;
  for (const change of diffSpecs(base, head)) {
    if (change.severity === 'breaking') review.breaking.push({ ...change });
    else review.nonBreaking.push(change);
  }
  return review;
}
