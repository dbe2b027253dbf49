import { describe, expect, it } from 'vitest';
import {
  corsFrom,
  parseOrigin,
  parseShare,
  parseVendorPort,
  parseVendorUrl,
  parseWholeNumber,
  portOverrides,
  selectedVendors,
} from '../src/index.ts';

describe('value parsers', () => {
  it.each<[string, () => unknown, unknown]>([
    ['vendor=port', () => parseVendorPort('qoder=5010'), ['qoder', 5010]],
    ['free port where allowed', () => parseVendorPort('fabro=0', { allowFreePort: true }), ['fabro', 0]],
    [
      'vendor=URL',
      () => parseVendorUrl('datadog=https://api.example.com:8443/x'),
      ['datadog', 'https://api.example.com:8443/x'],
    ],
    ['an origin pattern', () => parseOrigin('https://*.example.com'), 'https://*.example.com'],
    ['any origin', () => parseOrigin('*'), '*'],
    ['CORS off', () => parseOrigin('none'), 'none'],
    ['a whole number', () => parseWholeNumber('250'), 250],
    ['a share', () => parseShare('0.25'), 0.25],
  ])('%s', (_name, parse, want) => {
    expect(parse()).toEqual(want);
  });

  it.each<[string, () => unknown, string]>([
    ['port 0 where not allowed', () => parseVendorPort('qoder=0'), "from 1 to 65535 (e.g. qoder=5010), got 'qoder=0'"],
    ['a port too high', () => parseVendorPort('qoder=65536'), 'from 1 to 65535'],
    ['a port with a sign', () => parseVendorPort('qoder=+80'), "got 'qoder=+80'"],
    ['no vendor', () => parseVendorPort('5010'), "got '5010'"],
    [
      'an unknown vendor',
      () => parseVendorPort('stripe=5010'),
      "unknown vendor 'stripe'; expected one of qoder, fabro, datadog, launchdarkly",
    ],
    ['two =', () => parseVendorPort('qoder=1=2'), "got 'qoder=1=2'"],
    ['a URL without a scheme', () => parseVendorUrl('qoder=localhost:3010'), 'an http(s) URL'],
    ['a URL without a vendor', () => parseVendorUrl('=http://x'), 'expected VENDOR=URL'],
    [
      'an origin with a path',
      () => parseOrigin('http://localhost:3000/app'),
      "CORS origin 'http://localhost:3000/app' is not an origin",
    ],
    ['a negative number', () => parseWholeNumber('-1'), 'expected a whole number from 0 to'],
    ['a fraction', () => parseWholeNumber('1.5'), "got '1.5'"],
    ['a number below the minimum', () => parseWholeNumber('0', { min: 1 }), 'from 1 to'],
    ['a share above 1', () => parseShare('1.5'), "expected a share from 0 to 1, got '1.5'"],
    ['an empty share', () => parseShare(''), 'expected a share from 0 to 1'],
  ])('refuses %s, saying why', (_name, parse, message) => {
    expect(parse).toThrow(message);
  });
});

describe('selection', () => {
  it('defaults to every vendor and keeps each selected one once, in order', () => {
    expect(selectedVendors(undefined)).toEqual(['qoder', 'fabro', 'datadog', 'launchdarkly']);
    expect(selectedVendors(['fabro', 'qoder', 'fabro'])).toEqual(['fabro', 'qoder']);
  });

  it('takes the last port given for a vendor, and refuses one for a vendor not selected', () => {
    expect(
      portOverrides(
        '--port',
        [
          ['qoder', 1],
          ['qoder', 2],
        ],
        ['qoder'],
      ),
    ).toEqual({ qoder: 2 });
    expect(() => portOverrides('--mock-port', [['fabro', 5011]], ['qoder'])).toThrow(
      '--mock-port fabro=5011: fabro is not selected (--vendor qoder)',
    );
  });

  it.each<[string[] | undefined, unknown]>([
    [undefined, undefined],
    [[], undefined],
    [['none'], false],
    [['*'], { origins: ['*'] }],
    [['http://localhost:*', 'https://app.example.com'], { origins: ['http://localhost:*', 'https://app.example.com'] }],
  ])('--cors-origin %j → %j', (origins, want) => {
    expect(corsFrom(origins)).toEqual(want);
  });

  it('refuses none with other origins', () => {
    expect(() => corsFrom(['none', '*'])).toThrow('cannot be combined');
  });
});
