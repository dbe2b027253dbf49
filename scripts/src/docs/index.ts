export { buildDocs, renderIndex, type DocsOperation, type DocsPage, type DocsResult } from './build.ts';
export { findChromium, inCi, chromiumArgs, chromiumPath, type ChromiumAvailability } from './chromium.ts';
