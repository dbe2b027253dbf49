import { describe, expect, it } from 'vitest';
import { unknownCredentialMessage } from '../../src/access/access-gate.ts';
import { ApiError } from '../../src/errors/api-error.ts';
import { invalidRequest, type Finding } from '../../src/errors/findings.ts';
import { adaptFabroError } from '../../src/fabro/adapt-error.ts';
import { renderFabroError } from '../../src/fabro/error-envelope.ts';
import * as protocolErrors from '../../src/protocol/protocol-errors.ts';

const finding = (path: string, keyword: string, message = 'is invalid'): Finding => ({
  path,
  message,
  errorCode: `${keyword}.openapi.validation`,
});
const unknownField = finding('/body/id', 'additionalProperties', "must NOT have additional properties 'id'");
const badId = finding('/params/id', 'pattern', 'must match pattern "^[a-z0-9][a-z0-9-]{0,62}$"');
const noIfMatch = finding('/headers/if-match', 'required', "must have required property 'if-match'");
const badIfMatch = finding('/headers/if-match', 'pattern', 'must match pattern "^x$"');
const unknownQuery: Finding = { path: '/query/debug', message: "Unknown query parameter 'debug'", errorCode: '' };

describe("fabro's statuses, in the order its handler checks a request", () => {
  const cases: Array<[string, ApiError, number, RegExp]> = [
    ['a body finding', invalidRequest([unknownField]), 422, /^Failed to deserialize the JSON body.*leave id out/],
    ['a body finding wins over a missing If-Match', invalidRequest([noIfMatch, unknownField]), 422, /body\/id/],
    ['a body finding wins over a bad path id', invalidRequest([badId, unknownField]), 422, /body\/id/],
    ['a bad path id', invalidRequest([badId]), 400, /^invalid environment id: params\/id must match/],
    ['a bad path id wins over a missing If-Match', invalidRequest([noIfMatch, badId]), 400, /^invalid environment id/],
    ['a missing If-Match', invalidRequest([noIfMatch]), 428, /^If-Match header is required for environment/],
    ['a malformed If-Match', invalidRequest([badIfMatch]), 400, /^invalid If-Match environment revision: If-Match/],
    ['an unknown query parameter', invalidRequest([unknownQuery]), 400, /Unknown query parameter 'debug'/],
    ['malformed JSON', protocolErrors.malformedJson('Unexpected end'), 400, /not valid JSON/],
    ['a text/plain body', protocolErrors.unsupportedMediaType('text/plain'), 415, /^Content-Type 'text\/plain'/],
    ['a store failure', protocolErrors.internalError(), 500, /^environment store operation failed$/],
    ['an unknown route', protocolErrors.routeNotFound('GET', '/nowhere'), 404, /^no route GET \/nowhere/],
  ];
  it.each(cases)('%s: %i', (_name, error, status, detail) => {
    const adapted = adaptFabroError(error);
    expect(adapted.status).toBe(status);
    expect(adapted.message).toMatch(detail);
    // Ordinary errors carry no code.
    expect(adapted.code).toBeUndefined();
  });
});

describe("fabro's 401", () => {
  it.each([
    ['no token', 'Authorization header required: send a dev token', undefined],
    ['a token that is not valid', `${unknownCredentialMessage}: send a dev token`, 'access_token_invalid'],
  ])('%s: code %s', (_name, message, code) => {
    const adapted = adaptFabroError(new ApiError(401, message, { code: 'unauthenticated' }));
    expect(adapted.message).toMatch(/^Authentication required\. [A-Z]/);
    expect(adapted.code).toBe(code);
  });
});

describe("fabro's envelope", () => {
  it('puts the request id on the envelope and the error, the reason phrase as title, and no absent code', () => {
    const id = '0b9c2a7e-5f3d-4e8a-9c1b-2d4f6a8e0c13';
    expect(renderFabroError(new ApiError(422, 'nope'), id)).toEqual({
      errors: [{ status: '422', title: 'Unprocessable Entity', detail: 'nope', request_id: id }],
      request_id: id,
    });
    expect(renderFabroError(new ApiError(401, 'who', { code: 'access_token_invalid' }), id).errors[0]).toEqual({
      status: '401',
      title: 'Unauthorized',
      detail: 'who',
      code: 'access_token_invalid',
      request_id: id,
    });
  });
});
