/**
 * @envspec/msw: Mock Service Worker handlers for the four vendors' APIs, browser-safe, for
 * `setupWorker` in a page and `setupServer` (msw/node) in tests.
 */
export { envspecHandlers, type EnvspecHandlers, type EnvspecHandlersOptions } from './envspec-handlers.ts';
export {
  handlerModes,
  vendorHandlers,
  type DelayOption,
  type HandlerMode,
  type VendorHandlers,
  type VendorHandlersOptions,
} from './vendor-handlers.ts';
export { defaultBaseUrl } from './base-url.ts';
export type { InjectedFailure, InjectionContext, InjectionHook } from './injection.ts';
