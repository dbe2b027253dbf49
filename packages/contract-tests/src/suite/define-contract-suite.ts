import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { listOperations, loadBundle, type Vendor } from '@envspec/specs';
import { ContractClient, type Reply } from '../contract-client.ts';
import { CoverageRecorder } from '../coverage/coverage-recorder.ts';
import { invalidBodies } from '../negative/invalid-bodies.ts';
import { serveInProcess } from '../targets/in-process.ts';
import { endpointsFor, targetTraits } from '../targets/target.ts';
import { vendorContracts } from '../vendors/index.ts';
import './provided.ts';

/** Fixed by default so a run is repeatable; a failure prints the seed and path to replay it. */
const seed = Number(process.env.CONTRACT_SEED ?? 20261123);
const numRuns = Number(process.env.CONTRACT_RUNS ?? 40);
const replayPath = process.env.CONTRACT_PATH;

/** True when the body is the vendor's error envelope: the conformance check already validated it against the documented schema. */
function expectClientError(reply: Reply): void {
  expect(reply.status, reply.text).toBeGreaterThanOrEqual(400);
  expect(reply.status, reply.text).toBeLessThan(500);
  expect(reply.body, 'an error answers with a JSON envelope').toBeTypeOf('object');
  expect(reply.text).not.toMatch(/node_modules|\n\s+at\s/);
}

/**
 * The contract of one vendor, written once, run against every selected target (mock, stateful,
 * server, proxy, url, msw, msw-examples). Every response is checked against the spec by the ContractClient.
 */
export function defineContractSuite(vendor: Vendor): void {
  const endpoints = endpointsFor(inject('endpoints'), vendor, 'contract');
  const coverage = new CoverageRecorder(inject('coverageDir'));
  const contract = vendorContracts[vendor];
  const operations = listOperations(loadBundle(vendor));

  describe.each(endpoints.map((endpoint) => [endpoint.kind, endpoint] as const))(
    `${vendor} contract on %s`,
    (kind, endpoint) => {
      const traits = targetTraits[kind];
      const api = new ContractClient(endpoint, coverage);
      serveInProcess(endpoint);

      if (traits.statusByPrefer) {
        const documented = operations.flatMap(({ operation }) =>
          Object.keys(operation.responses).map((status) => [operation.operationId, Number(status)] as const),
        );
        it.each(documented)('%s answers its documented %i when asked with Prefer', async (operationId, status) => {
          const reply = await api.call(operationId, { ...contract.validCall(operationId), preferCode: status });
          expect(reply.status).toBe(status);
        });
      } else {
        const cases = contract.statusCases.filter((c) => c.validRequest || !traits.validRequestsOnly);
        it.each(cases.map((c) => [c.operationId, c.status, c.condition, c] as const))(
          '%s answers %i for %s',
          async (_operationId, status, _condition, statusCase) => {
            const before = status >= 400 ? await contract.snapshot(api) : undefined;
            const reply = await statusCase.provoke(api);
            expect(reply.status, reply.text).toBe(status);
            expect(reply.headers.get('x-request-id'), 'every response carries X-Request-Id').toBeTruthy();
            if (status >= 400) {
              expectClientError(reply);
              expect(await contract.snapshot(api), 'a failure changes nothing').toEqual(before);
            }
          },
        );
      }

      if (traits.stateful) {
        it.each(contract.statefulCases.map((c) => [c.name, c] as const))(
          'stateful: %s',
          async (_name, statefulCase) => {
            await statefulCase.run(api);
          },
        );
      }

      if (!traits.validRequestsOnly && !traits.statusByPrefer) {
        it.each(contract.writes.map((write) => [write.operationId, write] as const))(
          `generated invalid %s bodies get a 4xx envelope and change nothing (seed ${seed})`,
          async (operationId, write) => {
            const baseBody = contract.validCall(operationId).body;
            await fc.assert(
              fc.asyncProperty(invalidBodies(vendor, operationId, baseBody), async ({ body }) => {
                const before = await contract.snapshot(api);
                const reply = await api.call(operationId, write.call(body));
                expectClientError(reply);
                expect(await contract.snapshot(api)).toEqual(before);
              }),
              { seed, numRuns, ...(replayPath ? { path: replayPath } : {}) },
            );
          },
          120_000,
        );
      }
    },
  );
}
