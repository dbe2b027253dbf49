/**
 * The start-up banner tells the truth for each mode: every `Prefer: …` it advertises is sent to the
 * running `envspec-mock` and does what it says, and the credentials it names are the only ones taken.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentedResponse, operationOf, readPath, send, updateRequest } from '@envspec/testkit';
import { credentialHeaders } from '@envspec/vendors';
import { describeMode } from '../src/mode-summary.ts';
import { mockModes, type MockMode } from '../src/mock-fleet.ts';
import { startMockCli, type RunningCli } from './support/mock-cli.ts';

const vendor = 'qoder';
const readOperation = operationOf(vendor, 'read').operation.operationId!;

/** The `Prefer` values a banner advertises (`code=404`, `dynamic=true`). */
const advertised = (banner: string) => [...banner.matchAll(/Prefer: (\w+=\w+)/g)].map((match) => match[1]!);

describe.each(mockModes)('the %s banner', (mode: MockMode) => {
  let cli: RunningCli;
  beforeAll(async () => {
    cli = await startMockCli(vendor, ['--mode', mode, '--seed', '1']);
  }, 60_000);
  afterAll(async () => cli?.stop());

  const read = (headers: Record<string, string> = {}) =>
    send(cli.url, { path: readPath(vendor), headers: { ...credentialHeaders(vendor), ...headers } });

  it('is what describeMode says, and advertises Prefer: code=404', () => {
    for (const line of describeMode(mode, '1')) expect(cli.stdout()).toContain(line);
    expect(advertised(cli.stdout())).toContain('code=404');
  });

  it('advertises only Prefer values that work', async () => {
    for (const prefer of advertised(cli.stdout())) {
      const reply = await read({ prefer });
      const [key, value] = prefer.split('=') as [string, string];
      if (key === 'code') {
        expect(reply.status, prefer).toBe(Number(value));
        expect(reply.body, prefer).toEqual(documentedResponse(vendor, readOperation, Number(value)).example);
      } else {
        expect(`${key}=${value}`).toBe('dynamic=true');
        expect(reply.status, prefer).toBe(200);
        expect(reply.body, prefer).not.toEqual(documentedResponse(vendor, readOperation, 200).example);
      }
    }
    // A stateful answer asked for changed nothing: the store still answers its fixture.
    if (mode === 'stateful')
      expect((await read()).body).toEqual(documentedResponse(vendor, readOperation, 200).example);
  });

  it('names the credentials it takes: a token that is not a demo one is refused', async () => {
    expect(cli.stdout()).toMatch(/demo credentials only/);
    expect((await read({ authorization: 'Bearer qoder_pat_someone_else' })).status).toBe(401);
    const update = updateRequest(vendor);
    const write = await send(cli.url, {
      method: update.method,
      path: update.path,
      headers: { ...credentialHeaders(vendor, 'qoder_pat_demo_read'), 'content-type': update.contentType },
      body: JSON.stringify(update.body),
    });
    expect(write.status).toBe(403);
  });

  it("mentions Prism's log only where there is a Prism", () => {
    expect(cli.stdout().includes("Prism's log")).toBe(mode !== 'stateful');
  });
});
