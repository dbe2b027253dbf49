import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleOf, type Vendor } from '@envspec/specs';
import { prelaunchPrismEngine, startPrismEngines } from '../../src/engine/prism-engine.ts';
import { prismDocument } from '../../src/dynamic/prism-document.ts';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** This process's child processes (Linux). */
const children = () =>
  readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);

describe('startPrismEngines', () => {
  it('serves every document from one process on its own URL, and stop() ends that process', async () => {
    const vendors: Vendor[] = ['qoder', 'launchdarkly'];
    const prism = await startPrismEngines({
      documents: new Map(vendors.map((vendor) => [vendor, prismDocument(bundleOf(vendor))])),
      mode: 'static',
    });
    const pid = prism.pid!;
    const urls = await Promise.all(vendors.map((vendor) => prism.engines.get(vendor)!.ready(1_000)));
    expect(new Set(urls).size).toBe(2);
    expect(new Set(vendors.map((vendor) => prism.engines.get(vendor)!.pid))).toEqual(new Set([pid]));
    // Prism itself answers, with no front in the way: no credentials, its security violation.
    const reply = await fetch(`${urls[0]}/api/v1/cloud/environments/env_019e3bb39b6774d8878cd0b9d237574b`);
    expect(reply.status).toBe(401);
    expect(reply.headers.get('sl-violations')).toMatch(/"location":\["request"/);
    await prism.stop();
    expect(alive(pid)).toBe(false);
  }, 30_000);

  it('rejects with the reason when a document cannot be served, leaving no process behind', async () => {
    const empty = { openapi: '3.1.0', info: { title: 'empty', version: '1' }, paths: {} };
    const before = children();
    await expect(startPrismEngines({ documents: new Map([['qoder', empty]]), mode: 'static' })).rejects.toThrow(
      /Prism could not serve the specs: the qoder spec has no operations/,
    );
    for (let waited = 0; children().length > before.length && waited < 3_000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(children()).toEqual(before);
  }, 30_000);

  const documents = () => new Map([['qoder' as Vendor, prismDocument(bundleOf('qoder'))]]);
  const exitOf = (pid: number) =>
    new Promise<void>((resolve) => {
      const check = () => (alive(pid) ? setTimeout(check, 20) : resolve());
      check();
    });

  it('adopts a prelaunched process as its engine: that process serves, and stop() ends it', async () => {
    const launch = prelaunchPrismEngine();
    const prism = await startPrismEngines({ documents: documents(), mode: 'static', prelaunched: launch });
    expect(prism.pid).toBe(launch.child.pid);
    const url = await prism.engines.get('qoder')!.ready(1_000);
    expect((await fetch(`${url}/api/v1/cloud/environments/env_019e3bb39b6774d8878cd0b9d237574b`)).status).toBe(401);
    // Adopted: disposing the launch no longer ends it.
    launch.dispose();
    expect(alive(launch.child.pid!)).toBe(true);
    await prism.stop();
    expect(alive(launch.child.pid!)).toBe(false);
  }, 30_000);

  it('forks a fresh process when the prelaunched one died first', async () => {
    const launch = prelaunchPrismEngine();
    const dead = launch.child.pid!;
    launch.child.kill('SIGKILL');
    await exitOf(dead);
    const prism = await startPrismEngines({ documents: documents(), mode: 'static', prelaunched: launch });
    expect(prism.pid).not.toBe(dead);
    expect(await prism.engines.get('qoder')!.ready(1_000)).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await prism.stop();
  }, 30_000);

  it('ends a prelaunched process nobody adopted on dispose()', async () => {
    const launch = prelaunchPrismEngine();
    const pid = launch.child.pid!;
    launch.dispose();
    await exitOf(pid);
    expect(alive(pid)).toBe(false);
  });
});
