export {
  createMockCommand,
  describeMocks,
  mockLog,
  mockUntilStopped,
  type MockCommandOptions,
  type MockCommandSettings,
} from './mock-command.ts';
export { describeMockSettings, mockOptions, mockSettings, type MockSettings } from './mock-options.ts';
