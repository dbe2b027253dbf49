export { createApp, createSeededStore, silentLogger, type AppOptions } from './create-app.ts';
export { startServers, type StartServersOptions, type RunningServer, type ServerFleet } from './start-servers.ts';
export { describeServers } from './describe-servers.ts';
export { defaultServerPorts } from './ports.ts';
export { formatTable } from './table.ts';
export type { Credential, RateLimitRule, Access } from './auth/credentials.ts';
export type { Store, Versioned } from './store/store.ts';
export { MemoryStore } from './store/memory-store.ts';
export { FileStore } from './store/file-store.ts';
export { PostgresStore, defaultPostgresStoreOptions, type PostgresStoreOptions } from './store/postgres-store.ts';
export {
  describeStoreSelection,
  openStore,
  parseStoreSelection,
  type StoreSelection,
} from './store/store-selection.ts';
export { StoreUnavailableError, isStoreUnavailable } from './store/store-unavailable-error.ts';
// Limits and their defaults (documented in the README).
export {
  connectionsCheckingInterval,
  defaultServerLimits,
  resolveServerLimits,
  type ServerLimits,
} from './http/listen.ts';
export { defaultJsonBodyOptions, type JsonBodyOptions } from './http/json-body.ts';
export { defaultMaxPatchOperations } from './http/create-vendor-app.ts';
export { defaultCorsOrigins, originPattern, uniqueHeaderNames, type CorsSettings } from './http/cors.ts';
export { parseVendorSelection } from './cli-options.ts';
// The vendors' error behaviour, for tools that answer like the reference server (the mock).
export { vendorModules } from './vendor-modules.ts';
export type { VendorModule } from './http/vendor-module.ts';
export { ApiError } from './http/api-error.ts';
export { toApiError } from './http/to-api-error.ts';
export { jsonNestingDepth } from './http/json-depth.ts';
