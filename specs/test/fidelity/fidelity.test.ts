/**
 * Fidelity to the vendors' own definitions (`vendor-definitions/`), per vendor and operation:
 * every example of ours validates against the vendor's schema for the same method, path and status,
 * every example in the vendor's file validates against ours, we document every status, response
 * header, media type and parameter the vendor does and require every property it requires — and
 * every place we depart from it (stricter in a request, looser in a response, an extra status) is
 * a row of the exception table in `exceptions.ts`, which holds nothing else.
 */
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadBundle, locate, type Vendor } from '../../src/index.ts';
import { exceptions, type Exception } from './exceptions.ts';
import { isJsonObject } from '../../src/json.ts';
import { qoderUpdatePath, sdkBodyResults, sdkReadFields } from './qoder-sdk.ts';
import { fidelityReport, type Departure, type FidelityReport } from './report.ts';
import { definedVendors, type DefinedVendor } from '../../src/vendor-definitions.ts';

const reports = new Map<DefinedVendor, FidelityReport>(
  definedVendors.map((vendor) => [vendor, fidelityReport(vendor)]),
);

function reportOf(vendor: DefinedVendor): FidelityReport {
  const report = reports.get(vendor);
  if (!report) throw new Error(`no fidelity report for ${vendor}`);
  return report;
}

function explains(row: Exception, vendor: Vendor, departure: Departure): boolean {
  return row.vendors.includes(vendor) && row.keywords.includes(departure.keyword) && row.where.test(departure.where);
}

/** A vendor example both schemas reject, as a departure of keyword `example` (one per issue). */
function rejectedVendorExamples(report: FidelityReport): Departure[] {
  return report.vendorExamples.flatMap((example) =>
    example.ownIssues === ''
      ? []
      : example.issues.map((issue) => ({
          where: issue.where,
          keyword: 'example',
          direction: 'different' as const,
          detail: issue.message,
        })),
  );
}

const sdkBodies = sdkBodyResults();

/** SDK bodies our Qoder spec rejects, as departures of keyword `sdk`. */
const sdkDepartures: Departure[] = sdkBodies
  .filter((result) => result.issues !== '')
  .map((result) => ({ where: result.where, keyword: 'sdk', direction: 'stricter', detail: result.issues }));

function departuresOf(vendor: Vendor): Departure[] {
  if (vendor === 'qoder') return sdkDepartures;
  const report = reportOf(vendor);
  return [...report.departures, ...rejectedVendorExamples(report)];
}

describe.each(definedVendors)('%s against its own definition', (vendor) => {
  const report = reportOf(vendor);

  it("documents every vendor operation under the vendor's method, path and operationId", () => {
    expect(report.missingOperations).toEqual([]);
  });

  it('documents every status, response header, request media type and parameter the vendor documents', () => {
    expect(report.undocumented).toEqual([]);
  });

  it('requires every property and parameter the vendor requires', () => {
    expect(report.missingRequired).toEqual([]);
  });

  it('has examples on both sides to compare', () => {
    expect(report.ourExamples.length).toBeGreaterThan(0);
    expect(report.vendorExamples.length).toBeGreaterThan(0);
  });

  it.each(report.ourExamples.map((example) => [example.name, example] as const))(
    "ours: %s is valid against the vendor's schema",
    (_name, example) => {
      expect(example.issues).toEqual([]);
    },
  );

  it.each(report.vendorExamples.map((example) => [example.name, example] as const))(
    "vendor's: %s is valid against ours",
    (_name, example) => {
      const unexplained = example.issues.filter(
        (issue) =>
          example.ownIssues === '' ||
          !exceptions.some((row) =>
            explains(row, vendor, { where: issue.where, keyword: 'example', direction: 'different', detail: '' }),
          ),
      );
      expect(unexplained).toEqual([]);
    },
  );

  it('departs from the vendor only where the exception table says so', () => {
    const unexplained = departuresOf(vendor)
      .filter((departure) => !exceptions.some((row) => explains(row, vendor, departure)))
      .map((departure) => `${departure.where}: ${departure.keyword} ${departure.direction} (${departure.detail})`);
    expect(unexplained).toEqual([]);
  });
});

describe('qoder against its SDKs (it publishes no OpenAPI document)', () => {
  const document = loadBundle('qoder');
  const pathItem = document.paths[qoderUpdatePath];

  it('takes the update as POST (what the SDKs send) and as PUT, with the same body and answers', () => {
    expect(pathItem?.post, 'POST').toBeDefined();
    expect(pathItem?.put, 'PUT').toBeDefined();
    expect(pathItem?.post?.requestBody).toEqual(pathItem?.put?.requestBody);
    expect(pathItem?.post?.responses).toEqual(pathItem?.put?.responses);
  });

  it('returns every field the SDKs read, nullable where they say', () => {
    const response = pathItem?.get?.responses['200'];
    if (!response) throw new Error('GET documents no 200');
    const media = locate(document, response, []).value.content?.['application/json'];
    const environment = locate<Record<string, unknown>>(document, media?.schema as Record<string, unknown>, []).value;
    const required = Array.isArray(environment.required) ? environment.required : [];
    expect(sdkReadFields.required.filter((field) => !required.includes(field))).toEqual([]);
    const properties = isJsonObject(environment.properties) ? environment.properties : {};
    for (const field of sdkReadFields.nullable) {
      const property = properties[field];
      expect(isJsonObject(property) && Array.isArray(property.type) && property.type.includes('null'), field).toBe(
        true,
      );
    }
    const scope = properties.scope;
    const scopeEnum = isJsonObject(scope)
      ? locate<{ enum?: unknown[] }>(document, scope as never, []).value.enum
      : undefined;
    expect(isDeepStrictEqual(scopeEnum, sdkReadFields.scopes), `scope enum ${JSON.stringify(scopeEnum)}`).toBe(true);
  });

  it.each(sdkBodies.map((result) => [result.name, result] as const))(
    'accepts what the SDKs send: %s',
    (_name, result) => {
      const departure: Departure = {
        where: result.where,
        keyword: 'sdk',
        direction: 'stricter',
        detail: result.issues,
      };
      const explained = exceptions.some((row) => explains(row, 'qoder', departure));
      expect(result.issues === '' || explained ? '' : result.issues).toBe('');
    },
  );

  it('departs from the SDKs only where the exception table says so', () => {
    const unexplained = sdkDepartures
      .filter((departure) => !exceptions.some((row) => explains(row, 'qoder', departure)))
      .map((departure) => `${departure.where}: ${departure.detail}`);
    expect(unexplained).toEqual([]);
  });
});

describe('the exception table', () => {
  it.each(exceptions.map((row) => [`${row.vendors.join(', ')}: ${row.what}`, row] as const))(
    '%s explains a departure that exists',
    (_name, row) => {
      const explained = row.vendors.flatMap((vendor) =>
        departuresOf(vendor).filter((departure) => explains(row, vendor, departure)),
      );
      expect(explained.length, `no departure matches ${row.where} for ${row.keywords.join(', ')}`).toBeGreaterThan(0);
      expect(row.why.length).toBeGreaterThan(20);
    },
  );

  it('stays short enough to read at a glance', () => {
    expect(exceptions.length).toBeLessThanOrEqual(16);
  });
});
