import { describe, expect, it } from 'vitest';
import { vendors } from '@envspec/specs';
import { answerFailure, serializeAnswer } from '../../src/protocol/answer.ts';
import { defaultConnectionLimits } from '../../src/protocol/limits.ts';
import * as protocolErrors from '../../src/protocol/protocol-errors.ts';
import { securityHeaders } from '../../src/protocol/security-headers.ts';
import { vendorCore } from '../../src/registry.ts';

/** What Node's parser reports, and the status the answer must carry. */
const clientErrors: Array<[string, { code?: string; reason?: unknown }, number, string]> = [
  ['oversized headers', { code: 'HPE_HEADER_OVERFLOW' }, 431, 'headers_too_large'],
  ['a request not received in time', { code: 'ERR_HTTP_REQUEST_TIMEOUT' }, 408, 'request_timeout'],
  ['a connection closed mid-request', { code: 'HPE_INVALID_EOF_STATE' }, 400, 'incomplete_request'],
  ['garbage', { code: 'HPE_INVALID_METHOD', reason: 'Invalid method encountered' }, 400, 'malformed_request'],
];

describe.each(vendors)('%s protocol answers', (vendor) => {
  const core = vendorCore(vendor);

  it.each(clientErrors)('%s: the status, the JSON envelope and the security headers', (_name, error, status, code) => {
    const raw = protocolErrors.clientError(error, defaultConnectionLimits);
    expect(raw.code).toBe(code);
    const answer = answerFailure(core, raw, 'req_1');
    expect(answer.status).toBe(status);
    expect(answer.headers).toMatchObject({
      'Content-Type': 'application/json; charset=utf-8',
      'X-Request-Id': 'req_1',
    });
    expect(answer.headers).toMatchObject(securityHeaders);
    expect(JSON.parse(answer.body)).toEqual(core.renderError(core.adaptError(raw), 'req_1'));
  });

  it('serializes an answer whose Content-Length counts bytes, not characters', () => {
    const answer = answerFailure(core, protocolErrors.malformedJson('Unexpected token ‘環’'), 'req_2');
    const raw = serializeAnswer(answer);
    const [head = '', body = ''] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(head).toContain('Connection: close');
    expect(Number(/Content-Length: (\d+)/.exec(head)?.[1])).toBe(new TextEncoder().encode(body).length);
    expect(body).toBe(answer.body);
  });
});

it.each([
  [
    'a readable reason, lower-cased',
    'Invalid method encountered',
    /malformed HTTP request \(invalid method encountered\)/,
  ],
  ['an unreadable reason, left out', 'x'.repeat(200), /^malformed HTTP request: send/],
])('words a malformed request with %s', (_name, reason, message) => {
  const error = protocolErrors.clientError({ code: 'HPE_INVALID_METHOD', reason }, defaultConnectionLimits);
  expect([error.status, error.code]).toEqual([400, 'malformed_request']);
  expect(error.message).toMatch(message);
});

it('keeps the Connection: close of a body that is not read', () => {
  const error = protocolErrors.payloadTooLarge(100, { declaredBytes: 10_000_000, close: true });
  expect([error.status, error.code, error.headers.Connection]).toEqual([413, 'payload_too_large', 'close']);
  expect(error.message).toBe('request body of 10000000 bytes exceeds the 100-byte limit');
});
