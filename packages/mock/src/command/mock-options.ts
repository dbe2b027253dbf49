/**
 * The mock's own flags — engine mode, seed, injected latency and failures — as commander options,
 * and what they mean for `startMocks`. `envspec mock` adds the shared `--vendor`, `--port`, `--host`
 * and `--cors-origin`; `envspec start` takes these same options next to the server's.
 */
import { Option } from 'commander';
import { argument, parseShare, parseWholeNumber } from '@envspec/cli-kit';
import { maxDelayMs } from '../http/injection.ts';
import { mockModes, type MockFleetOptions } from '../mock-fleet.ts';

export type MockSettings = Pick<MockFleetOptions, 'mode' | 'seed' | 'delayMs' | 'errorRate' | 'errorStatus'>;

export function mockOptions(): Option[] {
  return [
    new Option(
      '--mode <mode>',
      "static: the spec's examples; dynamic: data generated from the schemas; stateful: the reference server's semantics in process",
    )
      .choices(mockModes)
      .default('static'),
    new Option('--seed <seed>', 'seed for dynamic data and for which requests get an injected error'),
    new Option('--delay <ms>', 'wait this long before every answer (per request: X-Mock-Delay)').argParser(
      argument((text) => parseWholeNumber(text, { max: maxDelayMs })),
    ),
    new Option(
      '--error-rate <share>',
      'answer this share (0–1) of requests with an injected error (per request: X-Mock-Error-Rate)',
    ).argParser(argument(parseShare)),
    new Option(
      '--error-status <status>',
      'status of injected errors (default 500; per request: X-Mock-Error-Status)',
    ).argParser(argument((text) => parseWholeNumber(text, { min: 400, max: 599 }))),
  ];
}

export function mockSettings(values: Record<string, unknown>): MockSettings {
  const settings: MockSettings = { mode: values.mode as MockSettings['mode'] };
  if (typeof values.seed === 'string') settings.seed = values.seed;
  if (typeof values.delay === 'number') settings.delayMs = values.delay;
  if (typeof values.errorRate === 'number') settings.errorRate = values.errorRate;
  if (typeof values.errorStatus === 'number') settings.errorStatus = values.errorStatus;
  return settings;
}

/**
 * The line under the mode's description in the mocks' banner: what the run injects, who may call it
 * from a browser, and (for the Prism modes) how to see Prism's own log.
 */
export function describeMockSettings(settings: MockFleetOptions): string {
  const parts = [
    settings.delayMs ? `delay ${settings.delayMs} ms` : '',
    settings.errorRate ? `error rate ${settings.errorRate} (status ${settings.errorStatus ?? 500})` : '',
    settings.cors === false ? 'CORS off' : `CORS for ${settings.cors?.origins?.join(' ') ?? 'local dev origins'}`,
    // Only the Prism modes have a Prism log to show.
    settings.mode === 'stateful' ? '' : "ENVSPEC_MOCK_VERBOSE=1 shows Prism's log",
  ];
  return `${parts.filter(Boolean).join('; ')}.`;
}
