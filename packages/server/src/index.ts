export { createApp, createSeededStore, silentLogger, type AppOptions } from './create-app.ts';
export { startServers, type StartServersOptions, type RunningServer, type ServerFleet } from './start-servers.ts';
export { describeServers } from './describe-servers.ts';
export { defaultServerPorts } from './ports.ts';
export { formatTable } from './table.ts';
export type { Credential, RateLimitRule, Access } from './auth/credentials.ts';
export type { Store, Versioned } from './store/store.ts';
export { MemoryStore } from './store/memory-store.ts';
export { FileStore } from './store/file-store.ts';
