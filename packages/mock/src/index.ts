export {
  startMocks,
  mockModes,
  type MockFleet,
  type MockFleetOptions,
  type MockMode,
  type RunningMock,
} from './mock-fleet.ts';
export { describeMode } from './mode-summary.ts';
export { prelaunchPrismEngine, type PrismHostLaunch } from './engine/prism-engine.ts';
export type { PrismMode } from './engine/prism-engine.ts';
export { defaultMockPorts } from '@envspec/vendors';
export { defaultMockLimits, type MockLimits } from './http/front-server.ts';
export { defaultCorsOrigins, type CorsOptions } from './http/cors.ts';
export type { InjectionOptions } from './http/injection.ts';
export {
  createStatefulEngine,
  type FetchHandler,
  type StatefulEngine,
  type StatefulEngineOptions,
} from './stateful/index.ts';
