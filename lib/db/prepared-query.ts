import type { Compilable, CompiledQuery } from "kysely";
import type { Store } from "./client";

// A query that runs on every request, built and compiled once per backend instead of per call:
// building and compiling a small Kysely query cost as much as SQLite takes to run it. Values are
// named placeholders in the built query, swapped for the call's values in the compiled parameters.

const PLACEHOLDER = Symbol("placeholder");
type Placeholder = { readonly [PLACEHOLDER]: string };

function isPlaceholder(value: unknown): value is Placeholder {
  return typeof value === "object" && value !== null && PLACEHOLDER in value;
}

/**
 * `build` gets the backend's Kysely and dialect object, and `value(name)`, a stand-in for the value of `name` that Kysely passes through as a
 * query parameter (it must stand where a value goes: a comparison, `in`, `offset`; not `limit`, which SQLite needs written out: lib/db/literal-limit.ts).
 */
export function preparedQuery<Values extends Record<string, unknown>, Row>(
  build: (
    db: Store["db"],
    value: <Name extends keyof Values & string>(name: Name) => Values[Name],
    dialect: Store["dialect"],
  ) => Compilable<Row>,
) {
  // By dialect object: the compiled SQL depends only on the backend, and a transaction's Kysely
  // instance is new for every transaction.
  const compiled = new WeakMap<Store["dialect"], CompiledQuery<Row>>();
  const value = (name: string) => ({ [PLACEHOLDER]: name }) as never;
  return async (store: Store, values: Values): Promise<Row[]> => {
    let query = compiled.get(store.dialect);
    if (!query) {
      query = build(store.db, value, store.dialect).compile();
      compiled.set(store.dialect, query);
    }
    const parameters = query.parameters.map((parameter) => (isPlaceholder(parameter) ? values[parameter[PLACEHOLDER]] : parameter));
    const { rows } = await store.db.executeQuery<Row>({ ...query, parameters });
    return rows;
  };
}
