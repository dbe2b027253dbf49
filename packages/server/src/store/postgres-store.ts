import pg from 'pg';
import { StoreUnavailableError, type Store, type Versioned } from '@envspec/vendors';
import { migrate } from './postgres-schema.ts';

export interface PostgresStoreOptions {
  /** Longest wait for a connection, new or from the pool. Default 3 000 ms. */
  connectTimeoutMs?: number;
  /** Longest wait for a statement's answer; the server cancels it too. Default 5 000 ms. */
  queryTimeoutMs?: number;
  /** Connections per store (one store per vendor). Default 8. */
  poolSize?: number;
}

export const defaultPostgresStoreOptions: Required<PostgresStoreOptions> = {
  connectTimeoutMs: 3_000,
  queryTimeoutMs: 5_000,
  poolSize: 8,
};

/**
 * SQLSTATE classes that say the database is unreachable or not serving right now, rather than that
 * a statement was wrong: 08 connection exception, 53 insufficient resources, 57 operator
 * intervention (shutdown, restart, statement timeout), 58 system error; and 25006, a read-only
 * server (a standby that has not been promoted yet).
 */
const unavailableClasses = new Set(['08', '53', '57', '58']);
const unavailableCodes = new Set(['25006']);

/** The same address without the password, for messages and logs. */
export function redactPostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}

interface DocumentRow {
  value: unknown;
  version: string;
}

/**
 * Documents in one table of a PostgreSQL database, shared by every replica pointed at it. The
 * version column is the compare-and-set: an update names the version it read
 * (`UPDATE … WHERE version = $n`) and an insert of a new key wins only if no row exists yet, so
 * concurrent writers on any replicas never lose an update. A write is answered once committed.
 */
export class PostgresStore<T> implements Store<T> {
  private constructor(
    private readonly pool: pg.Pool,
    private readonly namespace: string,
    private readonly where: string,
  ) {}

  /**
   * Connects, brings the schema up to date and adds the `seed` keys that are not stored yet: a
   * replica starting next to running ones never overwrites what they wrote.
   */
  static async open<T>(
    url: string,
    namespace: string,
    seed: Iterable<readonly [string, T]> = [],
    options: PostgresStoreOptions = {},
  ): Promise<PostgresStore<T>> {
    const { connectTimeoutMs, queryTimeoutMs, poolSize } = { ...defaultPostgresStoreOptions, ...options };
    const pool = new pg.Pool({
      connectionString: url,
      max: poolSize,
      connectionTimeoutMillis: connectTimeoutMs,
      query_timeout: queryTimeoutMs,
      // The server gives up a little before the client, so a timed-out statement does not run on.
      statement_timeout: Math.max(1, queryTimeoutMs - 500),
      keepAlive: true,
      application_name: `envspec-server ${namespace}`,
    });
    // An idle connection the database closed (a restart): the pool drops it and the next query
    // opens a fresh one. Without a listener the 'error' event would end the process.
    pool.on('error', () => undefined);
    const store = new PostgresStore<T>(pool, namespace, redactPostgresUrl(url));
    try {
      await store.guard(() => migrate(pool));
      for (const [key, value] of seed) {
        await store.guard(() =>
          pool.query(
            `INSERT INTO envspec_documents (namespace, key, version, value) VALUES ($1, $2, 1, $3::json)
             ON CONFLICT (namespace, key) DO NOTHING`,
            [namespace, key, JSON.stringify(value)],
          ),
        );
      }
    } catch (error) {
      await pool.end().catch(() => undefined);
      if (error instanceof StoreUnavailableError) throw error;
      // Refused rather than unreachable (a wrong password, no such database): say where, and why.
      throw new Error(`cannot open the PostgreSQL store at ${store.where}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    return store;
  }

  async get(key: string): Promise<Versioned<T> | undefined> {
    const { rows } = await this.guard(() =>
      this.pool.query<DocumentRow>('SELECT value, version FROM envspec_documents WHERE namespace = $1 AND key = $2', [
        this.namespace,
        key,
      ]),
    );
    const row = rows[0];
    return row && { value: row.value as T, version: Number(row.version) };
  }

  async compareAndSet(key: string, expectedVersion: number, value: T): Promise<Versioned<T> | undefined> {
    const text = JSON.stringify(value);
    const { rowCount } = await this.guard(() =>
      expectedVersion === 0
        ? this.pool.query(
            `INSERT INTO envspec_documents (namespace, key, version, value) VALUES ($1, $2, 1, $3::json)
             ON CONFLICT (namespace, key) DO NOTHING`,
            [this.namespace, key, text],
          )
        : this.pool.query(
            `UPDATE envspec_documents SET value = $3::json, version = version + 1, updated_at = now()
             WHERE namespace = $1 AND key = $2 AND version = $4`,
            [this.namespace, key, text, expectedVersion],
          ),
    );
    if (rowCount !== 1) return undefined;
    // What was stored is what JSON.stringify made of `value`; hand back that, not `value` itself.
    return { value: JSON.parse(text) as T, version: expectedVersion + 1 };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** Runs one database call, turning "the database is not there" into a StoreUnavailableError. */
  private async guard<R>(call: () => Promise<R>): Promise<R> {
    try {
      return await call();
    } catch (error) {
      if (!isUnavailable(error)) throw error;
      throw new StoreUnavailableError(
        `PostgreSQL at ${this.where} is unavailable: ${(error as Error).message || String(error)}`,
        { cause: error },
      );
    }
  }
}

function isUnavailable(error: unknown): boolean {
  // Statement errors carry a SQLSTATE; connection failures, timeouts and closed sockets do not.
  if (!(error instanceof pg.DatabaseError)) return true;
  const code = error.code ?? '';
  return unavailableClasses.has(code.slice(0, 2)) || unavailableCodes.has(code);
}
