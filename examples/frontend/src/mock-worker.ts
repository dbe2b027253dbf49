/**
 * The in-browser mock: @envspec/msw's stateful handlers for the four vendors at their own hosts,
 * served by MSW's service worker (public/mockServiceWorker.js). Loaded only when the page runs
 * against MSW, so the other backends' bundle carries none of it.
 */
import { setupWorker } from 'msw/browser';
import { envspecHandlers } from '@envspec/msw';

export async function startMockWorker(): Promise<void> {
  const mocks = envspecHandlers({ mode: 'stateful', delay: 150 });
  const worker = setupWorker(...mocks.handlers);
  await worker.start({
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    // The page's own files (scripts, styles) go to the network as usual.
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
}
