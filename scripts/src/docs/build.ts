/**
 * `pnpm docs`: a self-contained HTML reference per vendor (Redocly `build-docs` with the Redoc
 * scripts inlined, so a page opens from disk or a CI artifact with no network) and an index page
 * linking them, with every operation listed.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { httpMethods, type OpenApiDocument } from '@envspec/specs';
import { vendors, type Vendor } from '@envspec/specs/vendors';
import { redocly } from '../spec-review/tools.ts';

export interface DocsOperation {
  method: string;
  path: string;
  operationId: string;
  summary: string;
}

export interface DocsPage {
  vendor: Vendor;
  title: string;
  version: string;
  /** File name inside the output folder. */
  file: string;
  operations: DocsOperation[];
}

export interface DocsResult {
  outDir: string;
  index: string;
  pages: DocsPage[];
}

function operationsOf(document: OpenApiDocument): DocsOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    httpMethods.flatMap((method) => {
      const operation = item[method];
      return operation
        ? [
            {
              method: method.toUpperCase(),
              path,
              operationId: operation.operationId,
              summary: operation.summary ?? operation.operationId,
            },
          ]
        : [];
    }),
  );
}

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/**
 * Redoc's inlined bundle still loads one thing from the network: its "API docs by" badge logo from
 * Redocly's CDN. Pointing it at an empty data URL makes the page fully offline; the badge's own
 * error handler then hides the image.
 */
async function dropRemoteBadge(file: string): Promise<void> {
  const html = await readFile(file, 'utf8');
  await writeFile(file, html.replaceAll(/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g, 'data:,'));
}

async function buildPage(root: string, outDir: string, vendor: Vendor): Promise<DocsPage> {
  const document = JSON.parse(
    await readFile(join(root, 'specs', 'bundled', `${vendor}.json`), 'utf8'),
  ) as OpenApiDocument;
  const file = `${vendor}.html`;
  const title = `${document.info.title} — envspec API reference`;
  const result = await redocly(
    [
      'build-docs',
      vendor,
      '--config',
      join(root, 'redocly.yaml'),
      '--inlineBundle',
      '--title',
      title,
      '-o',
      join(outDir, file),
    ],
    root,
  );
  if (result.code !== 0)
    throw new Error(`redocly build-docs ${vendor} failed:\n${result.stdout}${result.stderr}`.trim());
  await dropRemoteBadge(join(outDir, file));
  return {
    vendor,
    title: document.info.title,
    version: document.info.version,
    file,
    operations: operationsOf(document),
  };
}

export function renderIndex(pages: DocsPage[]): string {
  const sections = pages.map((page) => {
    const rows = page.operations
      .map(
        (operation) =>
          `        <tr><td><code class="method">${operation.method}</code></td><td><code>${escapeHtml(operation.path)}</code></td>` +
          `<td>${escapeHtml(operation.summary)}</td><td><code>${escapeHtml(operation.operationId)}</code></td></tr>`,
      )
      .join('\n');
    return [
      `    <section id="${page.vendor}">`,
      `      <h2><a href="./${page.file}">${escapeHtml(page.title)}</a> <small>${escapeHtml(page.vendor)} · v${escapeHtml(page.version)}</small></h2>`,
      '      <table>',
      '        <tr><th>method</th><th>path</th><th>summary</th><th>operationId</th></tr>',
      rows,
      '      </table>',
      '    </section>',
    ].join('\n');
  });
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>envspec API reference</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1f2328; }
      h2 small { font-weight: normal; color: #59636e; font-size: 0.8em; }
      table { border-collapse: collapse; width: 100%; }
      th, td { text-align: left; padding: 0.3rem 0.6rem; border-bottom: 1px solid #d1d9e0; }
      .method { font-weight: bold; }
    </style>
  </head>
  <body>
    <h1>envspec API reference</h1>
    <p>One page per vendor, generated from the hand-authored OpenAPI 3.1 specs in <code>specs/</code> with Redocly. Every page is self-contained.</p>
${sections.join('\n')}
  </body>
</html>
`;
}

/** Builds every vendor's page and the index into `outDir`. */
export async function buildDocs(options: { root: string; outDir: string }): Promise<DocsResult> {
  await mkdir(options.outDir, { recursive: true });
  const pages = await Promise.all(vendors.map((vendor) => buildPage(options.root, options.outDir, vendor)));
  const index = join(options.outDir, 'index.html');
  await writeFile(index, renderIndex(pages));
  return { outDir: options.outDir, index, pages };
}
