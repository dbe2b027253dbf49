import { describe, expect, it } from 'vitest';
import { bundlePath } from '@envspec/specs/files';
import { startPrism } from '../src/index.ts';
import { findFreePort } from '@envspec/testkit';

describe('startPrism', () => {
  it('resolves once Prism answers, and stop() ends the child and frees the port', async () => {
    const port = await findFreePort();
    const prism = await startPrism({ specPath: bundlePath('qoder'), port });
    expect((await fetch(`${prism.url}/api/v1/cloud/environments/x`)).status).toBeGreaterThanOrEqual(400);
    await prism.stop();
    expect(prism.child.exitCode !== null || prism.child.signalCode !== null).toBe(true);
    await expect(fetch(prism.url)).rejects.toThrow();
  }, 20_000);

  it('rejects with Prism output when the spec cannot be served', async () => {
    await expect(startPrism({ specPath: '/nonexistent/spec.json', port: await findFreePort() })).rejects.toThrow(
      /exited/,
    );
  }, 20_000);
});
