import type { RunningServer } from './start-servers.ts';
import { formatTable } from './table.ts';

/** The table `pnpm start` prints: where each server listens, which demo credentials work, which ids exist. */
export function describeServers(servers: readonly RunningServer[]): string {
  return formatTable(
    ['vendor', 'server URL', 'credential (access)', 'fixture'],
    servers.flatMap((server) =>
      server.credentials.map((credential, index) => [
        index === 0 ? server.vendor : '',
        index === 0 ? server.url : '',
        `${credential.secret} (${credential.access}${credential.rateLimit ? `, ${credential.rateLimit.limit}/${credential.rateLimit.windowMs / 1000}s` : ''})`,
        server.fixtures[index] ?? '',
      ]),
    ),
  );
}
