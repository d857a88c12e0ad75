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

/** A stand-in for the value of `name` that Kysely passes through as a query parameter. */
type ValueOf<Values> = <Name extends keyof Values & string>(name: Name) => Values[Name];

const value = (name: string) => ({ [PLACEHOLDER]: name }) as never;

/**
 * Compiled shapes kept per query and backend. A list page's shapes multiply (sort, page size, which
 * filters are given, plan: hundreds of thousands), so a client walking through them would otherwise
 * grow the server's memory without end. Past the cap the oldest shape is dropped and compiled again
 * when it comes back; the shapes in use are far fewer.
 */
export const MAX_COMPILED_SHAPES = 1_000;

async function run<Row>(store: Store, query: CompiledQuery<Row>, values: Record<string, unknown>): Promise<Row[]> {
  const parameters = query.parameters.map((parameter) => (isPlaceholder(parameter) ? values[parameter[PLACEHOLDER]] : parameter));
  const { rows } = await store.run<Row>({ ...query, parameters });
  return rows;
}

/**
 * `build` gets the backend's Kysely and dialect object, and `value(name)`, a stand-in for the value of `name` that Kysely passes through as a
 * query parameter (it must stand where a value goes: a comparison, `in`, `offset`; not `limit`, which SQLite needs written out: lib/db/literal-limit.ts).
 */
export function preparedQuery<Values extends Record<string, unknown>, Row>(
  build: (db: Store["db"], value: ValueOf<Values>, dialect: Store["dialect"]) => Compilable<Row>,
) {
  const byShape = preparedQueryByShape<undefined, Values, Row>((db, value, dialect) => build(db, value, dialect));
  return (store: Store, values: Values): Promise<Row[]> => byShape(store, "", undefined, values);
}

/**
 * A query whose SQL takes one of a few shapes (a sort, which filters are given, a page size), each
 * compiled once: `shapeKey` must name everything the built SQL depends on besides the values.
 */
export function preparedQueryByShape<Shape, Values extends Record<string, unknown>, Row>(
  build: (db: Store["db"], value: ValueOf<Values>, dialect: Store["dialect"], shape: Shape) => Compilable<Row>,
) {
  // By dialect object: the compiled SQL depends only on the backend, and a transaction's Kysely
  // instance is new for every transaction.
  const compiled = new WeakMap<Store["dialect"], Map<string, CompiledQuery<Row>>>();
  return async (store: Store, shapeKey: string, shape: Shape, values: Values): Promise<Row[]> => {
    let shapes = compiled.get(store.dialect);
    if (!shapes) compiled.set(store.dialect, (shapes = new Map()));
    let query = shapes.get(shapeKey);
    if (!query) {
      query = build(store.db, value, store.dialect, shape).compile();
      if (shapes.size >= MAX_COMPILED_SHAPES) shapes.delete(shapes.keys().next().value!);
      shapes.set(shapeKey, query);
      store.dialect.keepPrepared(query.sql);
    }
    return run(store, query, values);
  };
}
