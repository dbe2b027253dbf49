import { listOperations, loadBundle, type OperationEntry, type Vendor } from '@envspec/specs';
import type { CoverageRecorder } from './coverage/coverage-recorder.ts';
import type { TargetEndpoint } from './targets/target.ts';
import { ResponseConformance, type ObservedResponse } from './validation/response-conformance.ts';

export interface CallOptions {
  params?: Record<string, string>;
  headers?: Record<string, string>;
  /** JSON-encoded with `content-type: application/json` unless `rawBody` is given. */
  body?: unknown;
  rawBody?: string;
  /** Prism: pick the documented response by status. */
  preferCode?: number;
}

export type Reply = ObservedResponse;

/** Thrown when a response breaks the contract; the message names operation, status and field. */
export class ContractViolation extends Error {
  override name = 'ContractViolation';
}

/**
 * Calls an operation by its operationId against one target, validates the response against the
 * bundled spec (status, content type, headers, body) and records the status for coverage.
 */
export class ContractClient {
  readonly vendor: Vendor;
  private readonly operations: Map<string, OperationEntry>;
  private readonly conformance: ResponseConformance;

  constructor(
    readonly target: TargetEndpoint,
    private readonly coverage: CoverageRecorder,
  ) {
    this.vendor = target.vendor;
    const document = loadBundle(target.vendor);
    this.operations = new Map(listOperations(document).map((entry) => [entry.operation.operationId, entry]));
    this.conformance = new ResponseConformance(document);
  }

  operation(operationId: string): OperationEntry {
    const entry = this.operations.get(operationId);
    if (!entry) throw new Error(`${this.vendor} has no operation '${operationId}'`);
    return entry;
  }

  async call(operationId: string, options: CallOptions = {}): Promise<Reply> {
    const entry = this.operation(operationId);
    const path = entry.path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
      const value = options.params?.[name];
      if (value === undefined) throw new Error(`${operationId}: missing path parameter ${name}`);
      return encodeURIComponent(value);
    });
    const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const headers: Record<string, string> = {
      ...(options.body !== undefined && options.rawBody === undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.preferCode ? { prefer: `code=${options.preferCode}` } : {}),
      ...options.headers,
    };
    const response = await fetch(`${this.target.baseUrl}${path}`, {
      method: entry.method.toUpperCase(),
      headers,
      ...(body === undefined ? {} : { body }),
    });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const reply: Reply = { status: response.status, headers: response.headers, body: parsed, text };
    this.coverage.record({ target: this.target.kind, vendor: this.vendor, operationId, status: reply.status });
    const problems = this.conformance.check(entry, reply);
    if (problems.length > 0) throw new ContractViolation(`${this.target.kind} ${this.vendor}: ${problems.join('\n')}`);
    return reply;
  }
}
