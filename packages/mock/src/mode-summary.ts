import type { MockMode } from './mock-fleet.ts';

/**
 * What a mode answers and what `Prefer` does in it, for the start-up banners (`envspec-mock`,
 * `pnpm start`): one line on the engine, one on `Prefer`, one on credentials. Each `Prefer: …` it
 * names works in that mode (test/mode-summary.test.ts sends them).
 */
export function describeMode(mode: MockMode, seed?: string): string[] {
  const credentials =
    'Credentials: the documented demo credentials only (the README lists them); others get a 401/403.';
  switch (mode) {
    case 'static':
      return [
        "Static: every answer is the spec's example (Prism).",
        'Prefer: code=404 answers that documented response; add example=NAME for another of its examples; Prefer: dynamic=true generates one.',
        credentials,
      ];
    case 'dynamic':
      return [
        `Dynamic: answers generated from the schemas (Prism), ids and revisions coherent; ${seed === undefined ? 'pass --seed S to repeat them run after run' : `seed ${seed}, the same data every run`}.`,
        'Prefer: code=404 answers that documented response with its example.',
        credentials,
      ];
    case 'stateful':
      return [
        "Stateful, in process: the reference server's semantics over state seeded from the spec's examples; an update is read back.",
        'Prefer: code=404 answers that documented response with its example, without reading or changing the state.',
        `${credentials.slice(0, -1)}; the throttled ones are rate-limited.`,
      ];
  }
}
