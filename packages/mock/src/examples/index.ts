/**
 * The spec's examples as a fetch-style engine: browser-safe (WHATWG Request/Response, no Node
 * APIs), the stateless sibling of `@envspec/mock/stateful`, for in-page handlers (MSW).
 */
export { createExamplesEngine, type ExamplesEngine, type ExamplesEngineOptions } from './examples-engine.ts';
export { documentedAnswer, successStatus, type DocumentedAnswer } from './documented-response.ts';
