export {
  createMockCommand,
  describeMocks,
  mockLog,
  mockUntilStopped,
  prismLogLevel,
  type MockCommandOptions,
  type MockCommandSettings,
} from './mock-command.ts';
export { describeMockSettings, mockOptions, mockSettings, type MockSettings } from './mock-options.ts';
