import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, temporaryDatabaseUrl } from "../support/server";

// A server that cannot start must say why and exit non-zero, so that whatever runs it (systemd, a
// container runtime, a deploy script) sees the failure. Left to Next.js's uncaughtException
// handler, a port in use was logged and the process ended with 0.

describe("a server that cannot start", () => {
  const taken = net.createServer();
  let port: number;

  beforeAll(async () => {
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    port = (taken.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

  it("exits non-zero when its port is taken, saying so in one line", async () => {
    const started = startServer({ PORT: String(port), DATABASE_URL: temporaryDatabaseUrl("failed-start") });
    await expect(started).rejects.toThrow(/server exited with 1:/);
    await expect(started).rejects.toThrow(new RegExp(`Nexvio Contacts cannot start: listen EADDRINUSE: address already in use 127\\.0\\.0\\.1:${port}`));
  });
});
