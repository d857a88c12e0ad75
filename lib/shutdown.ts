// What a server process must release when it stops: database handles, rate-limit stores.
// scripts/server.mjs runs these hooks once the last request has been answered. The list lives on
// globalThis under a registered symbol because that script runs outside the Next bundle that fills it.

type ShutdownHook = () => Promise<unknown> | unknown;

const HOOKS = Symbol.for("nexvio.shutdownHooks");
const registry = globalThis as typeof globalThis & { [HOOKS]?: ShutdownHook[] };

export function onShutdown(hook: ShutdownHook): void {
  (registry[HOOKS] ??= []).push(hook);
}
