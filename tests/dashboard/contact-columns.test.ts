import { beforeAll, describe, expect, it } from "vitest";
import { call, expectError, expectSuccess } from "../support/api";
import { createTenant, type Tenant } from "../support/fixtures";
import { signedInStaff, type SignedInStaff } from "../support/staff";

// The contacts table's columns, remembered per staff user on the server.

const COLUMNS = "/api/workspace/preferences/contacts-columns";

let a: Tenant;
let ann: SignedInStaff;
let bob: SignedInStaff;
let other: SignedInStaff;

beforeAll(async () => {
  a = await createTenant("Columns A");
  [ann, bob] = [await signedInStaff(a), await signedInStaff(a)];
  other = await signedInStaff(await createTenant("Columns B"));
});

const read = async (staff: SignedInStaff) => expectSuccess(await call("GET", COLUMNS, { headers: staff.headers })).columns;
const save = (staff: SignedInStaff, body: unknown) => call("PUT", COLUMNS, { headers: staff.headers, body });

describe("contacts columns preference", () => {
  it("is every column and no metadata column until chosen, then what was saved, for that staff member only", async () => {
    expect(await read(ann)).toEqual({ hidden: [], metadataKeys: [] });
    const chosen = { hidden: ["phone", "chatbotId"], metadataKeys: ["plan", "seats"] };
    expect(expectSuccess(await save(ann, { ...chosen, metadataKeys: [" plan ", "seats"] })).columns).toEqual(chosen);
    expect(await read(ann)).toEqual(chosen);
    expect(await read(bob)).toEqual({ hidden: [], metadataKeys: [] });
    expect(await read(other)).toEqual({ hidden: [], metadataKeys: [] });

    expectSuccess(await save(ann, { hidden: [], metadataKeys: ["plan"] }));
    expect(await read(ann)).toEqual({ hidden: [], metadataKeys: ["plan"] });
  });

  it.each([
    ["an unknown column", { hidden: ["name"], metadataKeys: [] }, "hidden.0"],
    ["a column twice", { hidden: ["phone", "phone"], metadataKeys: [] }, "hidden"],
    ["more than 8 metadata columns", { hidden: [], metadataKeys: Array.from({ length: 9 }, (_, i) => `k${i}`) }, "metadataKeys"],
    ["an empty metadata key", { hidden: [], metadataKeys: [" "] }, "metadataKeys.0"],
    ["a metadata key over 64 characters", { hidden: [], metadataKeys: ["k".repeat(65)] }, "metadataKeys.0"],
    ["a metadata key twice", { hidden: [], metadataKeys: ["plan", "plan"] }, "metadataKeys"],
    ["a missing list", { hidden: [] }, "metadataKeys"],
    ["an unknown field", { hidden: [], metadataKeys: [], width: 3 }, "width"],
  ])("refuses %s with 400 validation_error naming it, and keeps what was saved", async (_label, body, field) => {
    const before = await read(bob);
    const error = expectError(await save(bob, body), 400, "validation_error");
    expect(Object.keys(error.details ?? {})).toEqual([field]);
    expect(await read(bob)).toEqual(before);
  });

  it("needs a staff session", async () => {
    expectError(await call("GET", COLUMNS), 401, "unauthorized");
    expectError(await call("PUT", COLUMNS, { key: a.apiKey, body: { hidden: [], metadataKeys: [] } }), 401, "unauthorized");
  });
});
