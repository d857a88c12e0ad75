import { randomBytes } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { createApiKey } from "../api-keys/repository";
import type { Store } from "../db/client";
import { migrateToLatest } from "../db/migrate";
import { writeTransaction } from "../db/transaction";
import { insertStaffUser } from "../staff/repository";
import { hasAnyWorkspace, listWorkspaces } from "../workspaces/repository";
import { DEFAULT_DEMO_CONTACTS, DEMO_WORKSPACE_NAME } from "./demo-defaults";
import { createDemoWorkspace, DEMO_KEY_NAME, demoRows, insertDemoRows } from "./demo-workspace";
import { EXAMPLE_CHATBOT_ID, EXAMPLE_CONTACT_ID, insertExampleRecords } from "./example-records";

const DEMO_STAFF = { email: "support@demo.nexvio.dev", name: "Demo Support" };

export interface BootstrapOptions {
  port: number | string;
}

export interface CreatedDemo {
  workspaceId: string;
  chatbotIds: string[];
  apiKey: string;
  staffEmail: string;
  staffPassword: string;
  contacts: number;
  conversations: number;
}

export type BootstrapResult =
  | { created: true; migrations: string[]; demo: CreatedDemo; lines: string[] }
  | { created: false; migrations: string[]; workspaces: { id: string; name: string }[]; lines: string[] };

/**
 * What `npm start` runs before serving: migrate, then seed the demo workspace (with the product
 * document's example records) into a database that has no workspace yet. Returns the lines to print.
 */
export async function bootstrapDatabase(store: Store, { port }: BootstrapOptions): Promise<BootstrapResult> {
  const migrations = await migrateToLatest(store);
  // The demo staff password is hashed (scrypt, deliberately slow) only when a demo will be made,
  // and before the write lock is taken; later starts skip it.
  const staffPassword = randomBytes(12).toString("base64url");
  const staffPasswordHash = (await hasAnyWorkspace(store)) ? null : await hashPassword(staffPassword);
  // Checked and created in one write transaction, so two starts at once make one demo workspace.
  const demo = await writeTransaction(store, async (tx): Promise<CreatedDemo | null> => {
    if (staffPasswordHash === null || (await hasAnyWorkspace(tx))) return null;
    const created = await createDemoWorkspace(tx, DEMO_WORKSPACE_NAME, EXAMPLE_CHATBOT_ID);
    const conversations = await insertDemoRows(tx, demoRows(created, DEFAULT_DEMO_CONTACTS, Date.now()));
    const examples = await insertExampleRecords(tx, created.workspace.id);
    const { key } = await createApiKey(tx, created.workspace.id, DEMO_KEY_NAME);
    const staff = await insertStaffUser(tx, created.workspace.id, DEMO_STAFF, staffPasswordHash);
    return {
      workspaceId: created.workspace.id,
      chatbotIds: created.chatbots.map((c) => c.id),
      apiKey: key,
      staffEmail: staff.email,
      staffPassword,
      contacts: DEFAULT_DEMO_CONTACTS + examples.contacts,
      conversations: conversations + examples.conversations,
    };
  });
  const migrationLines = migrations.map((name) => `Applied migration ${name}`);
  if (demo) return { created: true, migrations, demo, lines: [...migrationLines, ...demoBanner(demo, port)] };

  const workspaces = (await listWorkspaces(store)).map(({ id, name }) => ({ id, name }));
  return { created: false, migrations, workspaces, lines: [...migrationLines, ...existingBanner(workspaces)] };
}

function demoBanner(demo: CreatedDemo, port: number | string): string[] {
  const url = `http://localhost:${port}`;
  const auth = `-H "Authorization: Bearer ${demo.apiKey}"`;
  return [
    "Nexvio Contacts: created the demo workspace.",
    "",
    `  URL:        ${url}`,
    `  Workspace:  ${demo.workspaceId} (${DEMO_WORKSPACE_NAME})`,
    `  Chatbots:   ${demo.chatbotIds.join(", ")}`,
    `  Contacts:   ${demo.contacts} with ${demo.conversations} conversations, including the API document's examples`,
    `  API key:    ${demo.apiKey}`,
    "              Shown only once: copy it now. Make more with:",
    `              npx nexvio keys create --workspace ${demo.workspaceId}`,
    "",
    `  Dashboard:  ${url}/login`,
    `  Email:      ${demo.staffEmail}`,
    `  Password:   ${demo.staffPassword}`,
    "              Shown only once. Add staff with:",
    `              npx nexvio users create --workspace ${demo.workspaceId} --email you@example.com --password …`,
    "",
    "Try it:",
    `  curl ${auth} ${url}/v1/contacts`,
    `  curl ${auth} ${url}/v1/contacts/${EXAMPLE_CONTACT_ID}`,
    "",
  ];
}

const LISTED_WORKSPACES = 20;

function existingBanner(workspaces: { id: string; name: string }[]): string[] {
  const listed = workspaces.slice(0, LISTED_WORKSPACES);
  const width = Math.max(...listed.map((w) => w.id.length));
  const more = workspaces.length - listed.length;
  return [
    "Nexvio Contacts: the database is already set up.",
    "",
    workspaces.length === 1 ? "Workspace:" : "Workspaces:",
    ...listed.map((w) => `  ${w.id.padEnd(width)}  ${w.name}`),
    ...(more > 0 ? [`  … and ${more} more`] : []),
    "",
    "API keys and the demo password are shown only once, when created. To make a new key or staff user:",
    `  npx nexvio keys create --workspace ${workspaces[0].id}`,
    `  npx nexvio users create --workspace ${workspaces[0].id} --email you@example.com --password …`,
    "",
  ];
}
