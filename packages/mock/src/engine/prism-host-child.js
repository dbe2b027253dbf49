// @ts-check
/**
 * The mock engine: every vendor's Prism in ONE Node process, so Prism's modules load once. Each
 * vendor gets Prism's own HTTP server (@stoplight/prism-http-server over @stoplight/prism-http) on
 * a free loopback port. Forked by `prism-engine.ts`, which supervises it over IPC:
 *
 *   child → parent  { type: 'alive' } at once, then every `heartbeatMs` (a serving child that
 *                   stops sending is killed)
 *   parent → child  { type: 'start', mode, seed?, logLevel, specs: [{ vendor, document }] },
 *                   after the first heartbeat
 *   child → parent  { type: 'ready', urls: { [vendor]: url } } | { type: 'failed', message }
 *                   { type: 'log', vendor, line } (Prism's own log, at `logLevel`)
 *
 * Plain JavaScript on purpose: it runs under bare `node`, without a TypeScript loader (which would
 * cost this process ~40 MiB and ~150 ms at every start and restart). `// @ts-check` keeps it typed.
 */
import { createRequire, Module } from 'node:module';

const require = createRequire(import.meta.url);
const heartbeatMs = 250;

/**
 * Prism's generator requires `@faker-js/faker`, whose entry point loads all of faker's 50-odd
 * locales (~0.4 s and ~30 MiB) although Prism only ever uses English (a spec would have to set
 * `x-json-schema-faker.locale`, which none of ours does). Serve that require from the English
 * build instead: the same `Faker` with the same `en` data, generating the same values.
 */
function loadEnglishFakerOnly() {
  const prismHttp = createRequire(require.resolve('@stoplight/prism-http'));
  const entry = prismHttp.resolve('@faker-js/faker');
  const english = prismHttp('@faker-js/faker/locale/en');
  const shim = new Module(entry);
  shim.filename = entry;
  shim.loaded = true;
  shim.exports = { __esModule: true, default: english, faker: english };
  require.cache[entry] = shim;
}

/**
 * Prism's spec loader requires Postman-collection support (`postman-collection`, ≈ 16 MiB and
 * ≈ 60 ms) whether or not it is ever handed a Postman collection; the mock serves OpenAPI only.
 * Load it on first use instead: a stand-in whose first property read requires the real module.
 */
function loadPostmanSupportOnFirstUse() {
  const httpSpec = createRequire(
    createRequire(require.resolve('@stoplight/prism-http')).resolve('@stoplight/http-spec/postman/operation'),
  );
  const path = httpSpec.resolve('postman-collection');
  /** @type {Record<string | symbol, unknown> | undefined} */
  let real;
  const load = () => {
    if (!real) {
      delete require.cache[path];
      real = require(path);
    }
    return /** @type {Record<string | symbol, unknown>} */ (real);
  };
  const standIn = new Module(path);
  standIn.filename = path;
  standIn.loaded = true;
  standIn.exports = new Proxy({}, { get: (_target, key) => load()[key], has: (_target, key) => key in load() });
  require.cache[path] = standIn;
}

loadEnglishFakerOnly();
loadPostmanSupportOnFirstUse();
/** @type {typeof import('@stoplight/prism-http')} */
const prismHttp = require('@stoplight/prism-http');
/** @type {typeof import('@stoplight/prism-http-server')} */
const prismServer = require('@stoplight/prism-http-server');
/** @type {typeof import('@stoplight/prism-core')} */
const prismCore = require('@stoplight/prism-core');

/** @param {Record<string, unknown>} message */
function send(message) {
  if (process.connected) process.send?.(message);
}

/**
 * Prism's pino log as one text line per entry, sent to the parent.
 * @param {string} vendor
 */
function logDestination(vendor) {
  return {
    /** @param {string} chunk */
    write(chunk) {
      for (const raw of chunk.split('\n')) {
        if (!raw.trim()) continue;
        let line = raw;
        try {
          const entry = JSON.parse(raw);
          line = `[${entry.name ?? vendor}] ${entry.msg ?? ''}`;
        } catch {
          // not JSON: pass it on as it is
        }
        send({ type: 'log', vendor, line });
      }
    },
  };
}

/**
 * @typedef {{ vendor: string, document: object }} HostedSpec
 * @typedef {{ type: 'start', mode: 'static' | 'dynamic', seed?: string, logLevel: string, specs: HostedSpec[] }} StartMessage
 */

/**
 * One Prism server for one spec, configured as `prism mock` configures it, except that responses
 * are not validated: the mock front never reads Prism's response violations.
 * @param {HostedSpec} spec
 * @param {StartMessage} options
 * @returns {Promise<[string, string]>} the vendor and the server's URL
 */
async function host({ vendor, document }, { mode, seed, logLevel }) {
  const operations = await prismHttp.getHttpOperationsFromSpec(document);
  if (operations.length === 0) throw new Error(`the ${vendor} spec has no operations`);
  const logger = prismCore.createLogger(vendor, { level: logLevel }, logDestination(vendor));
  /** @type {import('@stoplight/prism-http').IHttpConfig} */
  const config = {
    validateRequest: true,
    validateResponse: false,
    checkSecurity: true,
    errors: false,
    upstreamProxy: undefined,
    isProxy: false,
    mock: { dynamic: mode === 'dynamic', ignoreExamples: false, ...(seed === undefined ? {} : { seed }) },
  };
  const server = prismServer.createServer(operations, {
    cors: false,
    config,
    components: { logger: logger.child({ name: 'HTTP SERVER' }) },
  });
  return [vendor, await server.listen(0, '127.0.0.1')];
}

/** @param {StartMessage} message */
async function start(message) {
  try {
    const urls = Object.fromEntries(await Promise.all(message.specs.map((spec) => host(spec, message))));
    send({ type: 'ready', urls });
  } catch (error) {
    send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    process.exitCode = 1;
    process.disconnect?.();
  }
}

process.on('message', (/** @type {StartMessage} */ message) => {
  if (message?.type === 'start') void start(message);
});
// The parent is gone (even SIGKILLed): nothing can reach these servers any more.
process.on('disconnect', () => process.exit());
setInterval(() => send({ type: 'alive' }), heartbeatMs);
send({ type: 'alive' });
