// What a server process must release when it stops: database handles, rate-limit stores.
// The production server (lib/server) runs these hooks once the last request has been answered. The
// list lives on globalThis under a registered symbol because Next.js's bundles (pages, /api) hold
// their own copies of this module beside the server's.

type ShutdownHook = () => Promise<unknown> | unknown;

const HOOKS = Symbol.for("nexvio.shutdownHooks");
const registry = globalThis as typeof globalThis & { [HOOKS]?: ShutdownHook[] };

export function onShutdown(hook: ShutdownHook): void {
  (registry[HOOKS] ??= []).push(hook);
}

/** How long releasing the database and rate-limit stores may take once the last request is answered. */
const RELEASE_TIMEOUT_MS = 2_000;

/** Runs every hook once, giving them RELEASE_TIMEOUT_MS together; failures are reported, not thrown. */
export async function releaseResources(): Promise<void> {
  const hooks = registry[HOOKS] ?? [];
  const outcome = await Promise.race([
    Promise.allSettled(hooks.map(async (hook) => hook())),
    new Promise<"timed out">((resolve) => setTimeout(resolve, RELEASE_TIMEOUT_MS, "timed out").unref()),
  ]);
  if (outcome === "timed out") console.error(`releasing the database took over ${RELEASE_TIMEOUT_MS} ms`);
  else for (const result of outcome) if (result.status === "rejected") console.error("could not release a resource:", result.reason);
}
