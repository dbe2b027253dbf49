import type { RateLimitRule } from '@envspec/vendors';
import type { RunningServer } from './start-servers.ts';
import { formatTable } from './table.ts';

/** `, 2/60s`: a credential's own limit, or else the server's for every credential (as the access gate applies them). */
const limitOf = (rule: RateLimitRule | undefined) => (rule ? `, ${rule.limit}/${rule.windowMs / 1000}s` : '');

/** The table `pnpm start` prints: where each server listens, which demo credentials work, which ids exist. */
export function describeServers(servers: readonly RunningServer[]): string {
  return formatTable(
    ['vendor', 'server URL', 'credential (access)', 'fixture'],
    servers.flatMap((server) =>
      server.credentials.map((credential, index) => [
        index === 0 ? server.vendor : '',
        index === 0 ? server.url : '',
        `${credential.secret} (${credential.access}${limitOf(credential.rateLimit ?? server.rateLimit)})`,
        server.fixtures[index] ?? '',
      ]),
    ),
  );
}
