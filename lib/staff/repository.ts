import { hashPassword } from "better-auth/crypto";
import type { Store } from "../db/client";
import { newId } from "../ids";
import { writeTransaction } from "../db/transaction";
import type { NewStaffUser } from "./schemas";

export interface StaffUser {
  id: string;
  workspaceId: string;
  email: string;
  name: string;
}

export class StaffEmailTakenError extends Error {}

/**
 * Creates a staff user with a password in the shape better-auth signs in against: a user row and
 * a "credential" account holding the scrypt hash, written in one transaction.
 */
export async function createStaffUser(store: Store, workspaceId: string, input: NewStaffUser): Promise<StaffUser> {
  const passwordHash = await hashPassword(input.password);
  return writeTransaction(store, (tx) => insertStaffUser(tx, workspaceId, input, passwordHash));
}

/** The inserts of createStaffUser, for callers that already hold a write transaction. */
export async function insertStaffUser(
  store: Store,
  workspaceId: string,
  input: Omit<NewStaffUser, "password">,
  passwordHash: string,
): Promise<StaffUser> {
  const now = new Date();
  const stamp = store.dialect.authDate(now);
  const user = { id: newId("user_"), workspace_id: workspaceId, email: input.email, name: input.name };
  const taken = await store.db.selectFrom("staff_users").select("id").where("email", "=", input.email).executeTakeFirst();
  if (taken) throw new StaffEmailTakenError(`a staff user with email ${input.email} already exists`);
  await store.db
    .insertInto("staff_users")
    .values({ ...user, email_verified: store.dialect.authBoolean(true), image: null, created_at: stamp, updated_at: stamp })
    .execute();
  await store.db
    .insertInto("staff_accounts")
    .values({
      id: newId("account_"),
      user_id: user.id,
      account_id: user.id,
      provider_id: "credential",
      password: passwordHash,
      created_at: stamp,
      updated_at: stamp,
    })
    .execute();
  return { id: user.id, workspaceId, email: user.email, name: user.name };
}

export async function listStaffUsers(store: Store, workspaceId: string): Promise<StaffUser[]> {
  const rows = await store.db
    .selectFrom("staff_users")
    .select(["id", "workspace_id", "email", "name"])
    .where("workspace_id", "=", workspaceId)
    .orderBy("email")
    .execute();
  return rows.map((row) => ({ id: row.id, workspaceId: row.workspace_id, email: row.email, name: row.name }));
}
