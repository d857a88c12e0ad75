import type { PostgresPool, PostgresPoolClient } from "kysely";
import type { Pool, PoolClient } from "pg";

// PostgreSQL parses and plans an unnamed statement anew on every run. For the statements every
// request makes (an API key by its hash, a contact by id, a PATCH's update) that was two thirds of
// the database's time for them (parse and bind 0.25–0.47 ms against 0.03–0.11 ms of execution).
// A statement registered here is sent once per connection under a name instead: PostgreSQL keeps
// its parse tree, and keeps its plan too once a generic plan costs no more than the plans made for
// the given values (its own test, made after five runs; otherwise each run is planned as before).

const names = new Map<string, string>();

/**
 * At most this many texts get a name: each stays prepared on every connection of the pool, and a
 * list page's shapes (its size, sort and filters) multiply. The statements every request makes are
 * among the first; a text past the limit runs unnamed, as before.
 */
export const MAX_NAMED_STATEMENTS = 256;

/** Runs `text` as a named statement on every connection from now on, while fewer than MAX_NAMED_STATEMENTS are. */
export function prepareOnEachConnection(text: string): void {
  if (names.size < MAX_NAMED_STATEMENTS && !names.has(text)) names.set(text, `nexvio_${names.size + 1}`);
}

/** The pool for Kysely, its clients running registered texts as named statements. */
export function poolWithNamedStatements(pool: Pool): PostgresPool {
  const clients = new WeakMap<PoolClient, PostgresPoolClient>();
  const naming = (client: PoolClient): PostgresPoolClient => {
    // Kysely calls it with a text and its parameters, or with a cursor.
    function query(text: unknown, parameters?: readonly unknown[]): unknown {
      const name = typeof text === "string" ? names.get(text) : undefined;
      if (name) return client.query({ name, text: text as string, values: parameters as unknown[] });
      return client.query(text as never, parameters as unknown[]);
    }
    return { query: query as PostgresPoolClient["query"], release: (destroy) => client.release(destroy) };
  };
  return {
    // For cancelling a query: pg's Pool has its client class at run time, which its types leave out.
    Client: (pool as Pool & Pick<PostgresPool, "Client">).Client,
    options: pool.options,
    // Kysely keeps one connection object per client: the same client must come back as the same object.
    connect: async () => {
      const client = await pool.connect();
      let named = clients.get(client);
      if (!named) clients.set(client, (named = naming(client)));
      return named;
    },
    end: () => pool.end(),
  };
}
