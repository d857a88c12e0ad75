import { beforeAll, describe, expect, it } from "vitest";
import { SAVED_VIEWS_PER_USER } from "../../lib/saved-views/schemas";
import { call, expectError, expectSuccess } from "../support/api";
import { createTenant, type Tenant } from "../support/fixtures";
import { signedInStaff, type SignedInStaff } from "../support/staff";

// Saved views of the contacts list: per staff user, optionally shared with the workspace, changed
// and deleted by their owner only, never seen from another workspace.

const VIEWS = "/api/workspace/saved-views";

let a: Tenant;
let b: Tenant;
let ann: SignedInStaff;
let bob: SignedInStaff;
let other: SignedInStaff;

beforeAll(async () => {
  [a, b] = [await createTenant("Views A"), await createTenant("Views B")];
  [ann, bob] = [await signedInStaff(a), await signedInStaff(a)];
  other = await signedInStaff(b);
});

function as(staff: SignedInStaff) {
  return {
    list: async () => expectSuccess(await call("GET", VIEWS, { headers: staff.headers })).savedViews as Array<Record<string, unknown>>,
    create: (body: unknown) => call("POST", VIEWS, { headers: staff.headers, body }),
    update: (id: string, body: unknown) => call("PATCH", `${VIEWS}/${id}`, { headers: staff.headers, body }),
    remove: (id: string) => call("DELETE", `${VIEWS}/${id}`, { headers: staff.headers }),
  };
}

describe("saved views", () => {
  it("are saved with a trimmed name and listed for their owner; shared ones for the whole workspace only", async () => {
    const mine = expectSuccess(await as(ann).create({ name: "  Pro plan  ", query: "meta=plan&match=equals&value=pro" }), 201).savedView;
    expect(mine).toEqual({
      id: expect.stringMatching(/^view_/),
      name: "Pro plan",
      query: "meta=plan&match=equals&value=pro",
      shared: false,
      mine: true,
      ownerName: "Test Staff",
      createdAt: expect.any(String),
      updatedAt: mine.createdAt,
    });
    const team = expectSuccess(await as(ann).create({ name: "No phone yet", query: "phone=no&sort=name.asc", shared: true }), 201).savedView;

    expect((await as(ann).list()).map((view) => view.id)).toEqual([team.id, mine.id]);
    const seenByBob = await as(bob).list();
    expect(seenByBob).toEqual([{ ...team, mine: false }]);
    expect(await as(other).list()).toEqual([]);
  });

  it("list the caller's own first, then the shared ones of others, each by name", async () => {
    const { savedView: zeta } = expectSuccess(await as(bob).create({ name: "zeta", query: "" }), 201);
    const { savedView: alpha } = expectSuccess(await as(bob).create({ name: "Alpha", query: "email=yes" }), 201);
    const ids = (await as(bob).list()).map((view) => view.id);
    expect(ids.slice(0, 2)).toEqual([alpha.id, zeta.id]);
    expect((await as(bob).list()).slice(2).every((view) => view.mine === false)).toBe(true);
    for (const view of [zeta, alpha]) expectSuccess(await as(bob).remove(view.id));
  });

  it("are renamed, shared and unshared by their owner", async () => {
    const { savedView } = expectSuccess(await as(ann).create({ name: "To change", query: "search=ann" }), 201);
    const changed = expectSuccess(await as(ann).update(savedView.id, { name: "Changed", shared: true, query: "search=anna" })).savedView;
    expect(changed).toMatchObject({ id: savedView.id, name: "Changed", shared: true, query: "search=anna" });
    expect((await as(bob).list()).map((view) => view.name)).toContain("Changed");
    expectSuccess(await as(ann).update(savedView.id, { shared: false }));
    expect((await as(bob).list()).map((view) => view.name)).not.toContain("Changed");
  });

  it("of someone else: a shared one is 403 to change or delete, a private one 404, another workspace's 404", async () => {
    const { savedView: shared } = expectSuccess(await as(ann).create({ name: "Shared, Ann's", query: "email=no", shared: true }), 201);
    const { savedView: private_ } = expectSuccess(await as(ann).create({ name: "Private, Ann's", query: "email=yes" }), 201);
    expectError(await as(bob).update(shared.id, { name: "Bob's now" }), 403, "forbidden");
    expectError(await as(bob).remove(shared.id), 403, "forbidden");
    expect(expectError(await as(bob).remove(private_.id), 404, "not_found").message).toBe("Saved view not found");
    expectError(await as(bob).update(private_.id, { shared: true }), 404, "not_found");
    expectError(await as(other).remove(shared.id), 404, "not_found");
    expectError(await as(other).update(shared.id, { name: "Taken over" }), 404, "not_found");
    expect((await as(ann).list()).find((view) => view.id === shared.id)).toMatchObject({ name: "Shared, Ann's" });

    expectSuccess(await as(ann).remove(shared.id));
    expectError(await as(ann).remove(shared.id), 404, "not_found");
    expect((await as(bob).list()).map((view) => view.id)).not.toContain(shared.id);
  });

  it.each([
    ["an empty name", { name: " ", query: "" }, "name"],
    ["a name over 60 characters", { name: "n".repeat(61), query: "" }, "name"],
    ["a missing query", { name: "No query" }, "query"],
    ["a query with a page", { name: "Paged", query: "page=3" }, "query"],
    ["a query the dashboard would not write", { name: "Odd", query: "sort=name.sideways" }, "query"],
    ["a query in another order", { name: "Reordered", query: "sort=name.asc&search=ann" }, "query"],
    ["a query over 2,000 characters", { name: "Long", query: `search=${"a".repeat(2000)}` }, "query"],
    ["shared that is not a boolean", { name: "Shared?", query: "", shared: "yes" }, "shared"],
    ["an unknown field", { name: "Extra", query: "", ownerId: "user_x" }, "ownerId"],
  ])("refuse %s with 400 validation_error naming the field", async (_label, body, field) => {
    const error = expectError(await as(ann).create(body), 400, "validation_error");
    expect(Object.keys(error.details ?? {})).toEqual([field]);
  });

  it("refuse a name the owner already uses (another staff member may use it)", async () => {
    expectSuccess(await as(ann).create({ name: "Twice", query: "" }), 201);
    const error = expectError(await as(ann).create({ name: "Twice", query: "email=yes" }), 400, "validation_error");
    expect(error.details).toEqual({ name: "You already have a view with this name" });
    expectSuccess(await as(bob).create({ name: "Twice", query: "" }), 201);
    const { savedView } = expectSuccess(await as(ann).create({ name: "Once", query: "" }), 201);
    expectError(await as(ann).update(savedView.id, { name: "Twice" }), 400, "validation_error");
    expectError(await as(ann).update(savedView.id, {}), 400, "validation_error");
  });

  it(`stop at ${SAVED_VIEWS_PER_USER} per staff member`, async () => {
    const crowded = await signedInStaff(b);
    for (let i = 0; i < SAVED_VIEWS_PER_USER; i++) expectSuccess(await as(crowded).create({ name: `View ${i}`, query: "" }), 201);
    const error = expectError(await as(crowded).create({ name: "One more", query: "" }), 400, "validation_error");
    expect(error.details?.body).toMatch(/delete one first/);
    expect(await as(crowded).list()).toHaveLength(SAVED_VIEWS_PER_USER);
  });

  it("need a staff session: no credentials or an API key get 401", async () => {
    expectError(await call("GET", VIEWS), 401, "unauthorized");
    expectError(await call("POST", VIEWS, { key: a.apiKey, body: { name: "via key", query: "" } }), 401, "unauthorized");
  });
});
