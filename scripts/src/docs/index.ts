export { buildDocs, renderIndex, type DocsOperation, type DocsPage, type DocsResult } from './build.ts';
export { ensureChromium, chromiumArgs, type ChromiumAvailability } from './chromium.ts';
