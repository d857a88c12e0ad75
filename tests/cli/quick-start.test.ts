import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, expectError, expectSuccess } from "../support/api";
import { REPO_ROOT, startServer, temporaryDatabaseUrl, type RunningServer } from "../support/server";
import { signIn } from "../support/staff";

const run = promisify(execFile);
const nexvio = (args: string[], databaseUrl: string) =>
  run(process.execPath, ["bin/nexvio.mjs", ...args], { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: databaseUrl } });

// What `npm start` does before serving (`nexvio bootstrap`), then every request the product
// document shows, verbatim, with the printed key.
describe("bootstrap and the product document's requests", () => {
  const databaseUrl = temporaryDatabaseUrl("bootstrap");
  let server: RunningServer;
  let apiKey: string;
  let staffSignIn: { email: string; password: string };
  beforeAll(async () => {
    const { stdout } = await nexvio(["bootstrap"], databaseUrl);
    apiKey = stdout.match(/nxv_[0-9A-Za-z]{32,}/)?.[0] ?? "";
    staffSignIn = {
      email: stdout.match(/Email: +(\S+)/)?.[1] ?? "",
      password: stdout.match(/Password: +(\S+)/)?.[1] ?? "",
    };
    expect(stdout).toContain("curl");
    server = await startServer({ DATABASE_URL: databaseUrl });
  }, 120_000);
  afterAll(() => server.stop());

  it("prints a key that works, and a second bootstrap seeds nothing and prints no key", async () => {
    expect(apiKey).not.toBe("");
    const { stdout } = await nexvio(["bootstrap"], databaseUrl);
    expect(stdout).not.toMatch(/nxv_[0-9A-Za-z]{32,}/);
    expect(stdout).toContain("npx nexvio keys create --workspace");
  }, 60_000);

  it("prints a demo staff sign-in that opens the dashboard, shown only on the first run", async () => {
    expect(staffSignIn.email).toMatch(/@/);
    expect(staffSignIn.password.length).toBeGreaterThanOrEqual(12);
    const response = await signIn(staffSignIn.email, staffSignIn.password, server.url);
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie()[0].split(";")[0];
    const contacts = await fetch(`${server.url}/v1/contacts?limit=1`, { headers: { cookie } });
    expect((await contacts.json()).data.total).toBeGreaterThanOrEqual(202);
    const { stdout } = await nexvio(["bootstrap"], databaseUrl);
    expect(stdout).not.toContain(staffSignIn.password);
  }, 60_000);

  it("answers every example request of the document", async () => {
    const api = client(apiKey, server.url);
    const list = expectSuccess(await api.get("/v1/contacts"));
    expect(list).toMatchObject({ limit: 100, offset: 0 });
    expect(list.total).toBeGreaterThanOrEqual(202);

    const john = expectSuccess(await api.get("/v1/contacts/contact_123abc")).contact;
    expect(john).toMatchObject({ id: "contact_123abc", chatbotId: "chatbot_456def", name: "John Doe", metadata: { company: "Acme Inc", role: "Manager" } });
    expect(john.conversations[0]).toEqual({ id: "conv_789ghi", startedAt: "2023-07-15T14:20:00.000Z", lastMessageAt: "2023-07-15T14:22:31.000Z" });

    const created = expectSuccess(
      await api.post("/v1/contacts", {
        body: { chatbotId: "chatbot_456def", name: "Jane Smith", email: "jane@example.com", phone: "+15559876543", metadata: { company: "XYZ Corp", role: "Director", source: "Website" } },
      }),
      201,
    );
    expect(created.contact.id).not.toBe("contact_321cba");

    const patched = expectSuccess(
      await api.patch("/v1/contacts/contact_321cba", {
        body: { name: "Jane Wilson-Smith", email: "jane.wilson@example.com", metadata: { company: "XYZ Corp", role: "VP of Operations", lastContact: "2023-07-16" } },
      }),
    ).contact;
    expect(patched).toMatchObject({
      name: "Jane Wilson-Smith",
      phone: "+15559876543",
      metadata: { company: "XYZ Corp", role: "VP of Operations", source: "Website", lastContact: "2023-07-16" },
      createdAt: "2023-07-16T09:45:12.000Z",
    });

    const conversations = expectSuccess(await api.get("/v1/contacts/contact_123abc/conversations"));
    expect(conversations).toMatchObject({ total: 3, limit: 50, offset: 0 });
    expect(conversations.conversations[0]).toEqual({
      id: "conv_789ghi",
      chatbotId: "chatbot_456def",
      contactId: "contact_123abc",
      startedAt: "2023-07-15T14:20:00.000Z",
      lastMessageAt: "2023-07-15T14:22:31.000Z",
      messageCount: 6,
      summary: "Customer asked about pricing plans and features for enterprise",
    });

    expect(expectSuccess(await api.delete("/v1/contacts/contact_321cba"))).toEqual({ deleted: true, id: "contact_321cba" });
    expectError(await api.get("/v1/contacts/contact_321cba"), 404, "not_found");
  });
});

describe("nexvio CLI", () => {
  const databaseUrl = temporaryDatabaseUrl("cli");

  it("seed --json prints exactly one JSON line; keys create/list/revoke work; bad arguments exit non-zero", async () => {
    const seeded = await nexvio(["seed", "--contacts", "20", "--json"], databaseUrl);
    const lines = seeded.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const info = JSON.parse(lines[0]);
    expect(info).toEqual({ workspaceId: expect.any(String), chatbotIds: expect.any(Array), apiKey: expect.stringMatching(/^nxv_[0-9A-Za-z]{32,}$/) });
    expect(info.chatbotIds).toHaveLength(3);

    const created = JSON.parse((await nexvio(["keys", "create", "--workspace", info.workspaceId, "--name", "ci", "--json"], databaseUrl)).stdout);
    expect(created.apiKey).toMatch(/^nxv_/);
    const listed = (await nexvio(["keys", "list", "--workspace", info.workspaceId], databaseUrl)).stdout;
    expect(listed).toContain(created.id);
    expect(listed).not.toContain(created.apiKey);
    await nexvio(["keys", "revoke", created.id], databaseUrl);
    await expect(nexvio(["keys", "revoke", created.id], databaseUrl)).rejects.toMatchObject({ code: 1 });
    await expect(nexvio(["seed", "--contacts", "abc"], databaseUrl)).rejects.toMatchObject({ code: expect.any(Number) });
    await expect(nexvio(["chatbots", "create", "--workspace", "ws_nope", "--name", "x"], databaseUrl)).rejects.toMatchObject({ code: 1 });

    const workspace = JSON.parse((await nexvio(["workspaces", "create", "--name", "Acme", "--json"], databaseUrl)).stdout);
    expect(workspace).toEqual({ id: expect.stringMatching(/^ws_/), name: "Acme" });
    expect((await nexvio(["workspaces", "list"], databaseUrl)).stdout).toContain(workspace.id);
    await expect(nexvio(["workspaces", "create", "--name", " "], databaseUrl)).rejects.toMatchObject({ code: expect.any(Number) });
  }, 120_000);

  it("users create makes a staff user who can sign in; bad input and taken emails exit non-zero", async () => {
    const databaseUrl = temporaryDatabaseUrl("cli-users");
    const info = JSON.parse((await nexvio(["seed", "--contacts", "3", "--json"], databaseUrl)).stdout);
    const user = JSON.parse(
      (await nexvio(["users", "create", "--email", "Agent@Example.com", "--password", "long-enough-1", "--json"], databaseUrl)).stdout,
    );
    expect(user).toEqual({ id: expect.stringMatching(/^user_/), workspaceId: info.workspaceId, email: "agent@example.com", name: "Agent" });
    expect((await nexvio(["users", "list"], databaseUrl)).stdout).toContain("agent@example.com");

    await expect(nexvio(["users", "create", "--email", "agent@example.com", "--password", "long-enough-2"], databaseUrl)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("already exists"),
    });
    await expect(nexvio(["users", "create", "--email", "x@example.com", "--password", "short"], databaseUrl)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("at least 8 characters"),
    });
    await expect(nexvio(["users", "create", "--email", "not-an-email", "--password", "long-enough-1"], databaseUrl)).rejects.toMatchObject({ code: 1 });
    await expect(
      nexvio(["users", "create", "--email", "y@example.com", "--password", "long-enough-1", "--workspace", "ws_nope"], databaseUrl),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("ws_nope") });

    const server = await startServer({ DATABASE_URL: databaseUrl });
    try {
      expect((await signIn("agent@example.com", "long-enough-1", server.url)).status).toBe(200);
      expect((await signIn("agent@example.com", "long-enough-2", server.url)).status).toBe(401);
    } finally {
      await server.stop();
    }
  }, 120_000);
});
