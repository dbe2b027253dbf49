/**
 * The mock's stateful mode as a fetch-style engine: browser-safe (WHATWG Request/Response, no Node
 * APIs), so the mock's node:http front and in-page handlers (MSW) answer with the same code.
 */
export {
  createStatefulEngine,
  type FetchHandler,
  type StatefulEngine,
  type StatefulEngineOptions,
} from './stateful-engine.ts';
