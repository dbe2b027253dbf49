import { describe, expect, it } from 'vitest';
import { parseStartUrls } from '../src/toolchain/bench-start.ts';

const banner = `
envspec is running. Mocks (static mode):

vendor        mock URL
------------  ----------------------
qoder         http://127.0.0.1:4010
fabro         http://127.0.0.1:4011
datadog       http://127.0.0.1:4012
launchdarkly  http://127.0.0.1:4013

Reference servers (real semantics, validated against the specs; request logs on stderr):

vendor        server URL              credential (access)
------------  ----------------------  ----------------------------
qoder         http://127.0.0.1:3010   qoder_pat_demo_write (write)
                                      qoder_pat_demo_read (read)
fabro         http://127.0.0.1:3011   fabro_dev_demo_write (write)
datadog       http://127.0.0.1:3012   dd_demo_api_key:dd_demo_app_key_write (write)
launchdarkly  http://127.0.0.1:3013   api-0000demo-write (write)
`;

describe('parseStartUrls', () => {
  it("reads each vendor's mock URL from the first table and its server URL from the second", () => {
    expect(parseStartUrls(banner)).toEqual({
      mocks: {
        qoder: 'http://127.0.0.1:4010',
        fabro: 'http://127.0.0.1:4011',
        datadog: 'http://127.0.0.1:4012',
        launchdarkly: 'http://127.0.0.1:4013',
      },
      servers: {
        qoder: 'http://127.0.0.1:3010',
        fabro: 'http://127.0.0.1:3011',
        datadog: 'http://127.0.0.1:3012',
        launchdarkly: 'http://127.0.0.1:3013',
      },
    });
  });

  it('names the vendor whose server URL is missing', () => {
    expect(() => parseStartUrls(banner.replace(/^launchdarkly\s+http:\/\/127\.0\.0\.1:3013.*$/m, ''))).toThrow(
      /no server URL for launchdarkly/,
    );
  });
});
