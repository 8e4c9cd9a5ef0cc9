import { stringify } from "csv-stringify/sync";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectUncheckedRows } from "@/tests/support/raw";
import { auditEvents, people } from "@/db/schema";
import { MASS_DEACTIVATION_PERCENT } from "@/lib/org-import";
import { ForbiddenError } from "@/server/dal/errors";
import { applyImport, exportOrganisation, ImportRuleError, previewImport } from "@/server/dal/org-import";
import { setPersonActive } from "@/server/dal/people";
import { loadViewer, type Viewer } from "@/server/internal/viewer";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createPerson } from "../support/org";

let database: TestDatabase;
let admin: Viewer;
let notAdmin: Viewer;

type Row = { email: string; name: string; manager_email: string; admin: string };
const csv = (rows: Row[]) => stringify(rows, { header: true, columns: ["email", "name", "manager_email", "admin"] });
const row = (email: string, name: string, manager = "", isAdmin = false): Row => ({ email, name, manager_email: manager, admin: isAdmin ? "true" : "false" });

const peopleTable = () => selectUncheckedRows<Record<string, unknown>>(database.db, sql`SELECT * FROM people ORDER BY email`);
const importAudits = () => database.db.select().from(auditEvents).where(eq(auditEvents.action, "people.import"));
const activeEmails = async () =>
  (await database.db.select({ email: people.email }).from(people).where(eq(people.isActive, true))).map((person) => person.email).sort();

/** Everyone active now, as a file, with `extra` added. */
async function activeOrg(): Promise<Row[]> {
  const rows = await selectUncheckedRows<{ email: string; name: string; manager: string | null; isAdmin: boolean }>(
    database.db,
    sql`SELECT p.email, p.name, m.email AS manager, p.is_admin AS "isAdmin"
        FROM people p LEFT JOIN people m ON m.id = p.reports_to WHERE p.is_active ORDER BY p.email`,
  );
  return rows.map((person) => row(person.email, person.name, person.manager ?? "", person.isAdmin));
}

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const adminPerson = await createPerson(db, { name: "Ada Admin", isAdmin: true });
  admin = (await loadViewer(db, adminPerson.id))!;
  notAdmin = (await loadViewer(db, (await createPerson(db, { name: "Otto Other" })).id))!;
  // Ten people in all: a director, two managers, five reps, and the two above.
  const director = await createPerson(db, { name: "Dora Director" });
  for (const name of ["Mia Manager", "Mo Manager"]) {
    const manager = await createPerson(db, { name, reportsTo: director.id });
    for (const rep of ["One", "Two"]) await createPerson(db, { name: `${name.split(" ")[0]} Rep ${rep}`, reportsTo: manager.id });
  }
  await createPerson(db, { name: "Ray Rep", reportsTo: director.id });
});
afterAll(() => database.dispose());

describe("import modes", () => {
  it("adds and updates only by default: nobody missing from the file is deactivated", async () => {
    const org = await activeOrg();
    const manager = org.find((r) => r.name === "Mia Manager")!;
    // Two lines only: a newcomer under a manager who is not in the file, and a rename.
    const file = csv([row("nell.new@test.example", "Nell New", manager.email), { ...org.find((r) => r.name === "Ray Rep")!, name: "Ray Renamed" }]);
    const before = await activeEmails();

    const preview = await previewImport(database.db, admin, file);
    expect(preview).toMatchObject({ mode: "update", confirm: { deactivations: false, massDeactivation: false } });
    expect(preview.plan.errors).toEqual([]);
    expect(preview.counts).toMatchObject({ added: 1, updated: 1, deactivated: 0 });

    const outcome = await applyImport(database.db, admin, file, preview.fileHash);
    expect(outcome).toEqual({ changed: true, counts: preview.counts });
    expect(await activeEmails()).toEqual([...before, "nell.new@test.example"].sort());
    const [audit] = (await importAudits()).slice(-1);
    expect(audit?.details).toMatchObject({ added: 1, updated: 1, deactivated: 0, mode: "update" });
  });

  it("deactivates everyone missing from a full replace, only once its number is confirmed", async () => {
    const org = await activeOrg();
    const leaving = org.find((r) => r.name === "Nell New")!;
    const file = csv(org.filter((r) => r !== leaving));
    const preview = await previewImport(database.db, admin, file, "replace");
    expect(preview.plan.deactivate).toEqual([{ email: leaving.email, name: "Nell New" }]);
    expect(preview.confirm).toEqual({ deactivations: true, massDeactivation: false });

    const before = await peopleTable();
    const audits = (await importAudits()).length;
    const refusals = [
      [{}, "This full replace deactivates 1 person. Tick the box to confirm it, then apply the file again."],
      [{ deactivations: 2 }, "The organisation has changed since the preview: this import would now deactivate 1 person, not 2. Preview the file again."],
    ] as const;
    for (const [confirmations, message] of refusals) {
      const refusal = await applyImport(database.db, admin, file, preview.fileHash, { mode: "replace", confirmations }).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(ImportRuleError);
      expect((refusal as ImportRuleError).message).toBe(message);
    }
    // The same file as "add and update" deactivates nobody, so has nothing to confirm, and nothing to do.
    expect(await applyImport(database.db, admin, file, preview.fileHash)).toMatchObject({ changed: false });
    expect(await peopleTable()).toEqual(before);
    expect(await importAudits()).toHaveLength(audits);

    const outcome = await applyImport(database.db, admin, file, preview.fileHash, { mode: "replace", confirmations: { deactivations: 1 } });
    expect(outcome.counts).toMatchObject({ deactivated: 1 });
    expect(await activeEmails()).not.toContain(leaving.email);
    expect((await importAudits()).slice(-1)[0]?.details).toMatchObject({ deactivated: 1, mode: "replace" });
  });

  it(`asks a second time before deactivating more than ${MASS_DEACTIVATION_PERCENT}% of the active people`, async () => {
    const org = await activeOrg();
    // Ten active; a file without the three reps of one manager and one more deactivates four: 40%.
    expect(org).toHaveLength(10);
    const mia = org.find((r) => r.name === "Mia Manager")!;
    const leaving = org.filter((r) => r.manager_email === mia.email || r.name === "Ray Renamed");
    expect(leaving).toHaveLength(3);
    const file = csv(org.filter((r) => !leaving.includes(r) && r !== mia));
    const preview = await previewImport(database.db, admin, file, "replace");
    expect(preview.plan.errors).toEqual([]);
    expect(preview).toMatchObject({ activeBefore: 10, counts: { deactivated: 4 }, confirm: { deactivations: true, massDeactivation: true } });

    const before = await peopleTable();
    const refusal = await applyImport(database.db, admin, file, preview.fileHash, { mode: "replace", confirmations: { deactivations: 4 } }).catch(
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(ImportRuleError);
    expect((refusal as ImportRuleError).message).toBe(
      "This full replace deactivates 4 people of the 10 active, more than 20%. Confirm that a second time, then apply the file again.",
    );
    await expect(
      applyImport(database.db, admin, file, preview.fileHash, { mode: "replace", confirmations: { deactivations: 4, massDeactivation: 3 } }),
    ).rejects.toThrow("would now deactivate 4 people, not 3");
    expect(await peopleTable()).toEqual(before);

    const outcome = await applyImport(database.db, admin, file, preview.fileHash, {
      mode: "replace",
      confirmations: { deactivations: 4, massDeactivation: 4 },
    });
    expect(outcome.counts).toMatchObject({ deactivated: 4 });
    expect(await activeEmails()).toHaveLength(6);
  });
});

describe("exporting the organisation", () => {
  it("is for administrators only", async () => {
    await expect(exportOrganisation(database.db, notAdmin)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("writes every active person in the import format, and importing it back changes nothing, in either mode", async () => {
    const { db } = database;
    // What a round trip could trip on: a name a spreadsheet would run, a comma and quotes, a
    // name stored with a double space, someone whose manager was deactivated.
    const [boss] = await db.select().from(people).where(eq(people.name, "Dora Director"));
    await db.insert(people).values([
      { name: '=HYPERLINK("http://x","y")', email: "formula@test.example", reportsTo: boss!.id },
      { name: 'Smith, Jo "JJ"', email: "comma@test.example", reportsTo: boss!.id },
      { name: "Ana  Maria", email: "spaces@test.example", reportsTo: boss!.id },
      { name: "+Plus", email: "-minus@test.example", reportsTo: boss!.id, isAdmin: true },
    ]);
    const leaver = await createPerson(db, { name: "Lee Leaver", reportsTo: boss!.id });
    await createPerson(db, { name: "Kept Report", reportsTo: leaver.id });
    await setPersonActive(db, admin, leaver.id, false);

    const { filename, csv: text } = await exportOrganisation(db, admin);
    expect(filename).toMatch(/^fulcrum-organisation-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(text.startsWith("\uFEFFemail,name,manager_email,admin\r\n")).toBe(true);
    expect(text).toContain(`formula@test.example,"'=HYPERLINK(""http://x"",""y"")",`);
    expect(text).toContain(`'-minus@test.example,'+Plus,`);
    expect(text).toContain(`,${leaver.email},false`);
    expect(text).not.toContain(`${leaver.email},Lee Leaver`);
    const lines = text.trim().split("\r\n");
    expect(lines).toHaveLength(1 + (await activeEmails()).length);

    const before = await peopleTable();
    const audits = (await importAudits()).length;
    for (const mode of ["update", "replace"] as const) {
      const preview = await previewImport(db, admin, text, mode);
      expect(preview.plan.errors).toEqual([]);
      expect(preview.plan).toMatchObject({ add: [], update: [], move: [], deactivate: [], unchanged: lines.length - 1 });
      expect(preview.confirm).toEqual({ deactivations: false, massDeactivation: false });
      expect(await applyImport(db, admin, text, preview.fileHash, { mode })).toMatchObject({ changed: false });
    }
    expect(await peopleTable()).toEqual(before);
    expect(await importAudits()).toHaveLength(audits);
  });
});
