import { describe, expect, it } from 'vitest';
import { bundleOf, requestExample, responseExample } from '@envspec/specs';
import type { FabroEnvironment, FabroReplaceEnvironmentRequest } from '@envspec/types/fabro';
import { fabroCore } from '../../src/fabro/fabro-core.ts';
import { fabroEnvironment, revisionOf } from '../../src/fabro/revision.ts';

const document = bundleOf('fabro');
const id = 'ci-runner';
const seededRevision = 'f5ffc1d3e6568a95584744ee6884054f3fd9d9225cf57076172095881af0ff81';
const dockerRequest = requestExample<FabroReplaceEnvironmentRequest>(document, 'replaceEnvironment', 'dockerImage');

describe('fabro revision', () => {
  it("the seeded fixture's example revision is the SHA-256 of its canonical definition", () => {
    const { revision, ...definition } = responseExample<FabroEnvironment>(document, 'retrieveEnvironment', '200');
    expect(revision).toBe(seededRevision);
    expect(revisionOf(definition)).toBe(revision);
    expect(fabroCore.fixtures(document)).toEqual([[id, { ...definition, revision }]]);
  });
  it("the replace example's revision is the SHA-256 of its canonical definition", () => {
    const { revision, ...definition } = responseExample<FabroEnvironment>(document, 'replaceEnvironment', '200');
    expect(revisionOf(definition)).toBe(revision);
  });
  it('does not depend on key order, at any depth', () => {
    const reordered = {
      env: dockerRequest.env,
      volumes: dockerRequest.volumes,
      labels: dockerRequest.labels,
      lifecycle: { auto_stop: '30m', stop_on_terminal: true, preserve: false },
      network: dockerRequest.network,
      resources: { disk: '20GB', memory: '4GB', cpu: 2 },
      image: dockerRequest.image,
      provider: dockerRequest.provider,
    };
    expect(fabroEnvironment(id, reordered).revision).toBe(fabroEnvironment(id, dockerRequest).revision);
  });
  it('depends on the id and on every field', () => {
    const base = fabroEnvironment(id, dockerRequest).revision;
    expect(fabroEnvironment('other', dockerRequest).revision).not.toBe(base);
    expect(fabroEnvironment(id, { ...dockerRequest, labels: { team: 'platform', x: '' } }).revision).not.toBe(base);
  });
});
