/**
 * Qoder publishes no OpenAPI document: its official SDKs are its machine-readable definition.
 * QoderAI/qoder-cloud-agents-sdk-ts (`src/managed/resources/environment.ts`, `docs/api/managed/`)
 * and QoderAI/qoder-cloud-agents-sdk-go (`managed/environment.go`) update an environment with
 * `POST /environments/{environment_id}` under `/api/v1/cloud`, send the bodies below and read the
 * fields below. A body our spec rejects is a departure, explained in the exception table.
 */
import {
  createSchemaValidator,
  formatIssues,
  loadBundle,
  locate,
  pointer,
  type OpenApiDocument,
} from '../../src/index.ts';
import type { Json } from '../../src/json.ts';

export const qoderUpdatePath = '/api/v1/cloud/environments/{environment_id}';

/** Bodies as the SDKs serialise them (Go always writes `config.type`; TypeScript sends what it is given). */
export const sdkUpdateBodies: Array<{ name: string; body: Json }> = [
  { name: 'a null description (clears it)', body: { description: null } },
  { name: 'a name and a scope', body: { name: 'ci', scope: 'account' } },
  { name: 'a null name and a null scope', body: { name: null, scope: null } },
  {
    name: 'metadata keys deleted with null and ""',
    body: { metadata: { owner: null, team: '', cost_center: 'cc-4021' } },
  },
  {
    name: 'a limited network with every flag and every package manager',
    body: {
      config: {
        type: 'cloud',
        networking: {
          type: 'limited',
          allowed_hosts: ['api.github.com'],
          allow_package_managers: true,
          allow_mcp_servers: true,
        },
        packages: {
          type: 'packages',
          apt: ['git'],
          cargo: ['ripgrep'],
          gem: ['bundler'],
          go: ['golang.org/x/tools/gopls@latest'],
          npm: ['typescript'],
          pip: ['requests==2.32.3'],
        },
      },
    },
  },
  {
    name: 'a setup script with unrestricted networking',
    body: { config: { type: 'cloud', setup_script: 'corepack enable', networking: { type: 'unrestricted' } } },
  },
  { name: 'a null setup script (removes it)', body: { config: { type: 'cloud', setup_script: null } } },
  { name: 'a self-hosted config', body: { config: { type: 'self_hosted' } } },
  { name: 'a cloud config without its type (TypeScript elides it)', body: { config: { packages: { apt: ['curl'] } } } },
  { name: 'a null config (TypeScript types allow it)', body: { config: null } },
  { name: 'null metadata (TypeScript types allow it)', body: { metadata: null } },
  {
    name: 'null networking and packages (TypeScript types allow them)',
    body: { config: { type: 'cloud', networking: null, packages: null } },
  },
];

/** Fields the Go SDK marks `api:"required"` on the environment it reads, and which of them may be null. */
export const sdkReadFields = {
  required: ['id', 'archived_at', 'config', 'created_at', 'description', 'metadata', 'name', 'updated_at'],
  nullable: ['archived_at', 'description'],
  /** `scope` is optional in the SDKs; when present it is one of these. */
  scopes: ['organization', 'account'],
};

export interface SdkBodyResult {
  name: string;
  /** `POST request (SDK) <name>`: where the departure sits, as the exception table names places. */
  where: string;
  issues: string;
}

function requestSchemaPointer(document: OpenApiDocument, method: 'put' | 'post'): string {
  const operation = document.paths[qoderUpdatePath]?.[method];
  if (!operation?.requestBody) throw new Error(`the Qoder spec has no ${method.toUpperCase()} ${qoderUpdatePath} body`);
  const body = locate(document, operation.requestBody, ['paths', qoderUpdatePath, method, 'requestBody']);
  return pointer(...body.at, 'content', 'application/json', 'schema');
}

/** Each SDK body against our spec's update request, for `POST` (what the SDKs send) and `PUT`. */
export function sdkBodyResults(): SdkBodyResult[] {
  const document = loadBundle('qoder');
  const validator = createSchemaValidator(document);
  return (['post', 'put'] as const).flatMap((method) =>
    sdkUpdateBodies.map(({ name, body }) => ({
      name: `${method.toUpperCase()} ${name}`,
      where: `${method.toUpperCase()} request (SDK) ${name}`,
      issues: formatIssues(validator.validate(requestSchemaPointer(document, method), body), 'body'),
    })),
  );
}
