/** The `envspec` program, for embedding it or driving it in process; the `envspec` bin runs it. */
export { createProgram, type ProgramOptions } from './program.ts';
export {
  createStartCommand,
  startUntilStopped,
  type StartCommandOptions,
  type StartSettings,
} from './commands/start-command.ts';
export { startEnvironment, type Environment, type EnvironmentOptions } from './commands/start-environment.ts';
