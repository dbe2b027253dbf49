/**
 * The server reads JSON bodies through the vendor core's decoder (`parseJsonBody`), not through
 * Express's JSON parser, which decodes leniently: invalid UTF-8 is refused where Express's parser
 * would hand on U+FFFD. Everything else is answered as Express's parser answered it before (same
 * status, same words), so clients see no other change.
 */
import express, { type ErrorRequestHandler, type Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultBodyLimits } from '@envspec/vendors';
import { jsonBody } from '../../src/http/json-body.ts';
import { toApiError } from '../../src/http/to-api-error.ts';
import { httpRequest } from '../support/raw-http.ts';
import { serve, type Served } from '../support/serve.ts';

/** An app answering the parsed body, or the failure's status and message. */
function app(parsers: express.RequestHandler[], failure: (error: unknown) => { status: number; message: string }) {
  const created: Express = express();
  created.use(...parsers);
  created.post('/', (req, res) => {
    res.json({ body: req.body as unknown });
  });
  const handle: ErrorRequestHandler = (error, _req, res, _next) => {
    res.status(failure(error).status).json({ error: failure(error).message });
  };
  created.use(handle);
  return created;
}

let ours: Served;
let express5: Served;
beforeAll(async () => {
  ours = await serve(app(jsonBody(defaultBodyLimits), (error) => toApiError(error)));
  express5 = await serve(
    app(
      [
        express.json({
          limit: defaultBodyLimits.limitBytes,
          strict: true,
          type: ['application/json', 'application/*+json'],
        }),
      ],
      (error) => {
        const { status = 500, message = '' } = error as { status?: number; message?: string };
        return { status, message };
      },
    ),
  );
});
afterAll(async () => {
  await ours.close();
  await express5.close();
});

const post = (served: Served, body: Buffer, contentType = 'application/json') =>
  httpRequest<{ body?: unknown; error?: string }>(served.url, {
    method: 'POST',
    path: '/',
    headers: { 'content-type': contentType },
    body,
  });

const text = (value: string) => Buffer.from(value);

describe('the same answers as Express’s JSON parser', () => {
  it.each([
    ['an object', text('{"a":[1,"é"]}'), 'application/json'],
    [
      'a byte-order mark, then an array',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text('[1]')]),
      'application/json',
    ],
    ['an empty body', text(''), 'application/json'],
    ['a JSON Patch media type', text('[{"op":"remove","path":"/a"}]'), 'application/json-patch+json'],
    ['a scalar', text('42'), 'application/json'],
    ['a string', text('"x"'), 'application/json'],
    ['a blank body', text(' \r\n'), 'application/json'],
    ['single quotes', text("{'a':1}"), 'application/json'],
    ['a body cut short', text('{"a":'), 'application/json'],
    ['NaN', text('[NaN]'), 'application/json'],
    ['charset latin1', text('{}'), 'application/json; charset=latin1'],
    ['UTF-8 declared as UTF-16', text('{"ab":1}'), 'application/json; charset=utf-16'],
    ['a body that is not JSON at all', text('a=1'), 'text/plain'],
  ])('%s', async (_name, body, contentType) => {
    const [mine, theirs] = await Promise.all([post(ours, body, contentType), post(express5, body, contentType)]);
    expect(mine.status).toBe(theirs.status);
    if (theirs.status === 200) expect(mine.body).toEqual(theirs.body);
    else
      expect(mine.body.error).toBe(
        theirs.status === 400 ? `request body is not valid JSON: ${theirs.body.error}` : theirs.body.error,
      );
  });
});

it('refuses invalid UTF-8 that Express’s parser would hand on as U+FFFD', async () => {
  const body = Buffer.concat([text('{"name":"a'), Buffer.from([0xc3, 0x28]), text('"}')]);
  const [mine, theirs] = await Promise.all([post(ours, body), post(express5, body)]);
  expect(theirs.status).toBe(200);
  expect(theirs.body.body).toEqual({ name: 'a\ufffd(' });
  expect(mine.status).toBe(400);
  expect(mine.body.error).toBe('request body is not valid UTF-8: send JSON encoded as UTF-8');
});
