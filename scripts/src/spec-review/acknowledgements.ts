/**
 * `specs/breaking-changes.yaml`: breaking changes a reviewer accepted, each with its reason. An
 * entry names the vendor, the operation and the change exactly as `pnpm spec:review` prints them,
 * so acknowledging is a reviewable diff of this file.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { isVendor, type Vendor } from '@envspec/specs/vendors';
import { type Change, changeKey } from '@envspec/diff';

export const acknowledgementsFile = 'specs/breaking-changes.yaml';

export interface Acknowledgement {
  vendor: Vendor;
  /** `METHOD /path`, as printed by the review. */
  operation: string;
  /** The change's identity, as printed by the review (`response-required-property-removed: response 200 …`). */
  change: string;
  /** Why breaking clients is acceptable here (release note, migration, vendor change …). */
  reason: string;
}

export interface Acknowledgements {
  entries: Acknowledgement[];
  /** Entries that cannot be used, with what is wrong and where. */
  problems: string[];
}

export async function loadAcknowledgements(root: string): Promise<Acknowledgements> {
  const text = await readFile(join(root, acknowledgementsFile), 'utf8').catch(() => undefined);
  if (text === undefined) return { entries: [], problems: [] };
  return parseAcknowledgements(text);
}

export function parseAcknowledgements(text: string): Acknowledgements {
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    return { entries: [], problems: [`${acknowledgementsFile} is not valid YAML: ${(error as Error).message}`] };
  }
  const list = (document as { acknowledged?: unknown } | null)?.acknowledged ?? [];
  if (!Array.isArray(list))
    return { entries: [], problems: [`${acknowledgementsFile}: 'acknowledged' must be a list`] };
  const entries: Acknowledgement[] = [];
  const problems: string[] = [];
  list.forEach((item: unknown, index) => {
    const entry = (item ?? {}) as Record<string, unknown>;
    const missing = ['vendor', 'operation', 'change', 'reason'].filter(
      (key) => typeof entry[key] !== 'string' || (entry[key] as string).trim() === '',
    );
    if (missing.length > 0) {
      problems.push(
        `${acknowledgementsFile} entry ${index + 1}: ${missing.join(', ')} missing or empty (every entry needs vendor, operation, change and a reason)`,
      );
      return;
    }
    if (/^todo\b/i.test((entry.reason as string).trim())) {
      problems.push(
        `${acknowledgementsFile} entry ${index + 1}: the reason is still the TODO placeholder; say why this break is acceptable`,
      );
      return;
    }
    if (!isVendor(entry.vendor as string)) {
      problems.push(`${acknowledgementsFile} entry ${index + 1}: unknown vendor '${String(entry.vendor)}'`);
      return;
    }
    entries.push({
      vendor: entry.vendor as Vendor,
      operation: (entry.operation as string).trim(),
      change: (entry.change as string).trim(),
      reason: (entry.reason as string).trim(),
    });
  });
  return { entries, problems };
}

export function findAcknowledgement(
  entries: Acknowledgement[],
  vendor: Vendor,
  change: Change,
): Acknowledgement | undefined {
  return entries.find(
    (entry) => entry.vendor === vendor && entry.operation === change.operation && entry.change === changeKey(change),
  );
}

/** The YAML a reviewer pastes under `acknowledged:` to accept `changes`. */
export function acknowledgementSnippet(vendor: Vendor, changes: Change[]): string {
  const entries = changes.map((change) => ({
    vendor,
    operation: change.operation,
    change: changeKey(change),
    reason: 'TODO: why this break is acceptable',
  }));
  return stringify(entries, { lineWidth: 0 }).trimEnd();
}
