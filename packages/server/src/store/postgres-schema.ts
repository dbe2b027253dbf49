import type { Pool } from 'pg';

/**
 * The schema, as an append-only list: a deployed migration is never edited, a change is a new
 * entry. Each runs once per database, recorded in `envspec_migrations`.
 */
export const migrations: readonly string[] = [
  `CREATE TABLE envspec_documents (
     namespace  text        NOT NULL,
     key        text        NOT NULL,
     version    bigint      NOT NULL CHECK (version > 0),
     -- json, not jsonb: kept byte for byte (key order, \\u0000), as the other stores keep it.
     value      json        NOT NULL,
     updated_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (namespace, key)
   )`,
];

/** Any constant works; it only has to be the same in every replica so that migrations never run twice at once. */
const migrationLock = 0x656e7673;

/**
 * Brings the schema up to date. Safe to run from any number of replicas at once: a transaction-level
 * advisory lock serializes them, and the ones that come second find nothing left to do.
 */
export async function migrate(pool: Pool): Promise<void> {
  const client = await pool.connect();
  // A connection lost while checked out is reported here, not as an unhandled 'error' event.
  const onError = () => undefined;
  client.on('error', onError);
  let failure: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [migrationLock]);
    await client.query('CREATE TABLE IF NOT EXISTS envspec_migrations (version integer PRIMARY KEY)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM envspec_migrations');
    const applied = new Set(rows.map((row) => row.version));
    for (const [index, statement] of migrations.entries()) {
      const version = index + 1;
      if (applied.has(version)) continue;
      await client.query(statement);
      await client.query('INSERT INTO envspec_migrations (version) VALUES ($1)', [version]);
    }
    await client.query('COMMIT');
  } catch (error) {
    failure = error as Error;
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.off('error', onError);
    // A client that failed is discarded rather than handed to the next caller in an unknown state.
    client.release(failure);
  }
}
