export { createApp, createSeededStore, silentLogger, type AppOptions } from './create-app.ts';
export { startServers, type StartServersOptions, type RunningServer, type ServerFleet } from './start-servers.ts';
export { describeServers } from './describe-servers.ts';
export { formatTable } from './table.ts';
export { createServerLogger, redactedLogPaths } from './logger.ts';
export { FileStore } from './store/file-store.ts';
