/**
 * A throw-away PostgreSQL cluster for tests: `initdb` into a temporary directory, a free loopback
 * port, the unix socket inside the same directory, trust authentication for the `postgres` user.
 * `initdb` refuses to run as root, so as root every PostgreSQL binary runs as the `postgres` user
 * (Debian's package creates it). Nothing outside the directory is touched.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findFreePort } from './processes.ts';

const run = promisify(execFile);

export const missingPostgresMessage =
  'PostgreSQL server binaries (initdb, pg_ctl) were not found in /usr/lib/postgresql/*/bin, `pg_config --bindir` or PATH. ' +
  "The PostgreSQL tests need a real PostgreSQL: run `bash .ci/run` (it installs Debian's postgresql package when missing) " +
  'or `sudo apt-get install postgresql`.';

/** The newest Debian version directory, else wherever pg_config or PATH says. */
export function findPostgresBinaries(): string {
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((name) => existsSync(join(debian, name, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(debian, versions[0], 'bin');
  }
  for (const lookup of [
    () => execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim(),
    () => execFileSync('sh', ['-c', 'dirname "$(command -v initdb)"'], { encoding: 'utf8' }).trim(),
  ]) {
    try {
      const directory = lookup();
      if (directory && existsSync(join(directory, 'initdb')) && existsSync(join(directory, 'pg_ctl'))) return directory;
    } catch {
      // Not installed this way; try the next.
    }
  }
  throw new Error(missingPostgresMessage);
}

export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`, over TCP as a replica elsewhere would connect. */
  url: string;
  port: number;
  /** `fast` disconnects clients and shuts down cleanly; `immediate` is a crash (recovery from WAL on start). */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Stops it and removes the directory. */
  destroy(): Promise<void>;
  /** The server log, for failure messages. */
  log(): string;
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const binaries = findPostgresBinaries();
  const asRoot = process.getuid?.() === 0;
  const root = mkdtempSync(join(tmpdir(), 'envspec-pg-'));
  const data = join(root, 'data');
  const logFile = join(root, 'server.log');
  if (asRoot) {
    let ids: string[];
    try {
      ids = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim().split(/\s+/);
      ids.push(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    } catch {
      rmSync(root, { recursive: true, force: true });
      throw new Error(`running as root, and there is no 'postgres' user to run initdb as. ${missingPostgresMessage}`);
    }
    chownSync(root, Number(ids[0]), Number(ids[1]));
  }
  const pg = (binary: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(binaries, binary), ...args])
      : run(join(binaries, binary), args);
  const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');

  await pg('initdb', ['-D', data, '--auth=trust', '--username=postgres', '--encoding=UTF8', '--locale=C', '--no-sync']);
  let port = 0;
  const start = async () => {
    const options = [
      `-c port=${port}`,
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories=${root}`,
      // Two replicas of four vendors, a pool each, plus the tests' own connections.
      '-c max_connections=200',
      '-c shared_buffers=32MB',
    ].join(' ');
    await pg('pg_ctl', ['start', '-w', '-t', '60', '-D', data, '-l', logFile, '-o', options]).catch((error: Error) => {
      throw new Error(`pg_ctl start failed: ${error.message}\n${log().slice(-2000)}`);
    });
  };
  const stop = async (mode: 'fast' | 'immediate' = 'fast') => {
    await pg('pg_ctl', ['stop', '-w', '-t', '60', '-D', data, '-m', mode]);
  };
  for (let attempt = 1; ; attempt += 1) {
    port = await findFreePort();
    try {
      await start();
      break;
    } catch (error) {
      // Someone took the port between probing and binding: try another.
      if (attempt >= 3 || !/could not bind|Address already in use/.test(log())) {
        rmSync(root, { recursive: true, force: true });
        throw error;
      }
    }
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop,
    start,
    log,
    async destroy() {
      await stop('immediate').catch(() => undefined);
      rmSync(root, { recursive: true, force: true });
    },
  };
}
