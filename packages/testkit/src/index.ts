/** Helpers for envspec's tests only; nothing here ships. */
export {
  createKeepAliveAgent,
  parseRawResponse,
  send,
  socketExchange,
  type RawReply,
  type RawRequest,
  type SocketExchange,
} from './raw-http.ts';
export { bundleForBrowser, type BrowserBundle } from './browser-bundle.ts';
export { findFreePort, spawnUntilReady, waitForHttp, type Child } from './processes.ts';
export {
  concretePath,
  documentedResponse,
  operationOf,
  readPath,
  updateRequest,
  withLastSegment,
  type SpecRequest,
} from './spec-requests.ts';
export { envelopeIssues, errorCode, errorMessage, errorSchemaOf, requestIdPattern } from './envelopes.ts';
export {
  findPostgresBinaries,
  missingPostgresMessage,
  startPostgresCluster,
  type PostgresCluster,
} from './postgres-cluster.ts';
export { startServerProcess, type ServerProcess } from './server-process.ts';
export { bytesMarker, invalidUtf8Sequences, withBytes } from './invalid-utf8.ts';
