export { createApp, createSeededStore, silentLogger, type AppOptions } from './create-app.ts';
export { startServers, type StartServersOptions, type RunningServer, type ServerFleet } from './start-servers.ts';
export { describeServers } from './describe-servers.ts';
export { formatTable } from './table.ts';
export { createServerLogger, redactedLogPaths } from './logger.ts';
export { FileStore } from './store/file-store.ts';
export { PostgresStore, defaultPostgresStoreOptions, type PostgresStoreOptions } from './store/postgres-store.ts';
export {
  describeStoreSelection,
  openStore,
  parseStoreSelection,
  storeSelectionSyntax,
  type StoreSelection,
} from './store/store-selection.ts';
export { openStores, type OpenStores } from './store/open-stores.ts';
