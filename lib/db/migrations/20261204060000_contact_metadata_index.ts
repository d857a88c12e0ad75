import { sql, type Kysely } from "kysely";

// Filtering contacts by metadata (GET /v1/contacts `metadataKey`, `metadataMatch`, `metadataValue`):
// reading every contact's metadata JSON takes over half a second at a million contacts, so each
// key of each contact's metadata is kept as a row here, its value as folded text (like the sort
// keys: NFKD, no combining marks, lower case; numbers and booleans as their JSON text), written by
// the application with the contact (lib/contacts/metadata-index.ts). The index leads with the
// workspace and the key; it holds the first 200 characters of the value, so that its entries stay
// within PostgreSQL's limit whatever the value's length.

const fold = (text: string) => text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
// PostgreSQL text cannot hold U+0000, which metadata may (escaped, inside its JSON).
const storable = (text: string) => text.replaceAll("\u0000", "\uFFFD");
const foldedValue = (value: unknown) => (typeof value === "string" ? storable(fold(value)) : JSON.stringify(value));

const BATCH = 2_000;

interface Row {
  workspace_id: string;
  id: string;
  metadata: string;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("contact_metadata")
    .addColumn("workspace_id", "text", (col) => col.notNull())
    .addColumn("contact_id", "text", (col) => col.notNull())
    .addColumn("key", "text", (col) => col.notNull())
    .addColumn("folded_value", "text", (col) => col.notNull())
    .execute();
  // Not unique: keys that differ only by U+0000 against U+FFFD are stored alike.
  await sql`create index contact_metadata_contact on contact_metadata (workspace_id, contact_id)`.execute(db);
  await sql`create index contact_metadata_key_value on contact_metadata (workspace_id, key, substr(folded_value, 1, 200))`.execute(db);

  let after: Row | undefined;
  for (;;) {
    const { rows }: { rows: Row[] } = after
      ? await sql<Row>`select workspace_id, id, metadata from contacts
          where (workspace_id, id) > (${after.workspace_id}, ${after.id}) order by workspace_id, id limit ${BATCH}`.execute(db)
      : await sql<Row>`select workspace_id, id, metadata from contacts order by workspace_id, id limit ${BATCH}`.execute(db);
    if (rows.length === 0) break;
    const entries = rows.flatMap((row) =>
      Object.entries(JSON.parse(row.metadata) as Record<string, unknown>).map(([key, value]) => ({
        workspace_id: row.workspace_id,
        contact_id: row.id,
        key: storable(key),
        folded_value: foldedValue(value),
      })),
    );
    for (let i = 0; i < entries.length; i += 1_000) {
      await db.insertInto("contact_metadata" as never).values(entries.slice(i, i + 1_000) as never).execute();
    }
    after = rows[rows.length - 1];
  }
}
