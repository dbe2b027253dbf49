/**
 * Measures one vendor's spec against the vendor's own definition, operation by operation, and
 * returns every finding: what we fail to document, which examples fail the other side's schema,
 * which required properties we do not require, and every departure (where we are stricter in a
 * request, looser in a response, or document a status the vendor does not).
 */
import {
  createSchemaValidator,
  formatIssues,
  loadBundle,
  type OpenApiDocument,
  type SchemaIssue,
} from '../../src/index.ts';
import { compareSchemas, type Direction } from './departures.ts';
import type { Json } from '../../src/json.ts';
import {
  operationLabel,
  operationPlaces,
  type LocatedExample,
  type OperationPlaces,
  type SchemaLocation,
} from './locations.ts';
import { governingAt, renderPath, schemaPointer, type Governing } from './schema-nodes.ts';
import { loadVendorDefinition, type DefinedVendor } from '../../src/vendor-definitions.ts';

export interface Departure {
  /** `<METHOD> <place> <instance path>`, for example `PUT request /resources/memory` or `GET status 401`. */
  where: string;
  /** The JSON Schema keyword that differs, `status` for a status the vendor does not document, `example` for a vendor example both schemas reject. */
  keyword: string;
  direction: Direction | 'extra';
  detail: string;
}

export interface ExampleResult {
  /** `<METHOD> <path> <place> <example name> at <instance path>`. */
  name: string;
  /** Issues found by the other side's schema (empty when valid), each placed as departures name places. */
  issues: Array<{ where: string; message: string }>;
  /** For a vendor example: issues its own definition finds in it. */
  ownIssues: string;
}

export interface FidelityReport {
  vendor: DefinedVendor;
  /** Vendor operations we do not document under the same method, path and operationId. */
  missingOperations: string[];
  /** Statuses, response headers, request media types and parameters the vendor documents and we do not. */
  undocumented: string[];
  ourExamples: ExampleResult[];
  vendorExamples: ExampleResult[];
  missingRequired: string[];
  departures: Departure[];
}

type Validator = ReturnType<typeof createSchemaValidator>;

function check(validator: Validator, governing: Governing, value: Json): SchemaIssue[] {
  if (governing === 'any') return [];
  if (governing === 'none') {
    const message = 'is not accepted here at all';
    return [{ instancePath: '', message, keyword: 'false', params: {}, ajvMessage: message }];
  }
  return validator.validate(schemaPointer(governing), value);
}

function exampleResult(
  places: OperationPlaces,
  location: SchemaLocation,
  example: LocatedExample,
  against: { document: OpenApiDocument; validator: Validator; root: SchemaLocation['root'] },
  own?: { document: OpenApiDocument; validator: Validator; root: SchemaLocation['root'] },
): ExampleResult {
  const path = renderPath(example.path);
  const where = `${places.method.toUpperCase()} ${location.key} ${path}`;
  const issues = check(against.validator, governingAt(against.document, against.root, example.path), example.value);
  const ownIssues = own ? check(own.validator, governingAt(own.document, own.root, example.path), example.value) : [];
  return {
    name: `${operationLabel(places)} ${example.name}${path ? ` at ${path}` : ''}`,
    issues: issues.map((issue) => ({ where: `${where}${issue.instancePath}`.trimEnd(), message: issue.message })),
    ownIssues: formatIssues(ownIssues, 'example'),
  };
}

export function fidelityReport(vendor: DefinedVendor): FidelityReport {
  const ours = loadBundle(vendor);
  const theirs = loadVendorDefinition(vendor);
  const [ourValidator, vendorValidator] = [createSchemaValidator(ours), createSchemaValidator(theirs)];
  const ourPlaces = operationPlaces(ours, false);
  const report: FidelityReport = {
    vendor,
    missingOperations: [],
    undocumented: [],
    ourExamples: [],
    vendorExamples: [],
    missingRequired: [],
    departures: [],
  };
  for (const vendorOperation of operationPlaces(theirs, true)) {
    const label = operationLabel(vendorOperation);
    const method = vendorOperation.method.toUpperCase();
    const mine = ourPlaces.find(
      (places) => places.method === vendorOperation.method && places.path === vendorOperation.path,
    );
    if (!mine || mine.operation.operationId !== vendorOperation.operation.operationId) {
      report.missingOperations.push(
        `${label} (${vendorOperation.operation.operationId}) ${mine ? `is ours as ${mine.operation.operationId}` : 'is not in our spec'}`,
      );
      if (!mine) continue;
    }
    for (const status of vendorOperation.statuses) {
      if (!mine.statuses.includes(status)) report.undocumented.push(`${label} status ${status}`);
      for (const header of vendorOperation.headers[status] ?? []) {
        if (!(mine.headers[status] ?? []).includes(header))
          report.undocumented.push(`${label} ${status} header ${header}`);
      }
    }
    for (const status of mine.statuses.filter((status) => !vendorOperation.statuses.includes(status))) {
      report.departures.push({
        where: `${method} status ${status}`,
        keyword: 'status',
        direction: 'extra',
        detail: `we document ${status}, the vendor does not`,
      });
    }
    for (const type of vendorOperation.requestMediaTypes) {
      if (!mine.requestMediaTypes.includes(type)) report.undocumented.push(`${label} request media type ${type}`);
    }
    for (const [parameter, required] of Object.entries(vendorOperation.parameters)) {
      if (!(parameter in mine.parameters)) report.undocumented.push(`${label} parameter ${parameter}`);
      else if (required && !mine.parameters[parameter]) report.missingRequired.push(`${label} parameter ${parameter}`);
    }
    for (const [key, vendorLocation] of vendorOperation.locations) {
      const myLocation = mine.locations.get(key);
      if (!myLocation) continue; // reported above as undocumented
      const comparison = compareSchemas(ours, myLocation.root, theirs, vendorLocation.root);
      report.missingRequired.push(...comparison.missingRequired.map((entry) => `${label} ${key} ${entry}`));
      const counts = myLocation.side === 'request' ? ['stricter', 'different'] : ['looser', 'different'];
      for (const difference of comparison.differences) {
        if (!counts.includes(difference.direction)) continue;
        report.departures.push({
          where: `${method} ${key} ${difference.path}`.trimEnd(),
          keyword: difference.keyword,
          direction: difference.direction,
          detail: difference.detail,
        });
      }
      const mineSide = { document: ours, validator: ourValidator, root: myLocation.root };
      const vendorSide = { document: theirs, validator: vendorValidator, root: vendorLocation.root };
      for (const example of myLocation.examples)
        report.ourExamples.push(exampleResult(mine, myLocation, example, vendorSide));
      for (const example of vendorLocation.examples)
        report.vendorExamples.push(exampleResult(vendorOperation, vendorLocation, example, mineSide, vendorSide));
    }
  }
  return report;
}
