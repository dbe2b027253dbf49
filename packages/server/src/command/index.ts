export {
  createServeCommand,
  serveUntilStopped,
  type ServeCommandOptions,
  type ServeSettings,
} from './serve-command.ts';
export { logLevels, parseRateLimit, serverOptions, serverSettings, type ServerSettings } from './server-options.ts';
