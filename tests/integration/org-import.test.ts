import { stringify } from "csv-stringify/sync";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectUncheckedRows } from "@/tests/support/raw";
import { auditEvents, cycleAssignments, invitations } from "@/db/schema";
import { clock } from "@/lib/clock";
import { addDaysTo } from "@/lib/dates";
import { ForbiddenError } from "@/server/dal/errors";
import type { ImportMode } from "@/lib/org-import";
import { applyImport, fileHash, ImportRuleError, previewImport } from "@/server/dal/org-import";
import { loadViewer, type Viewer } from "@/server/internal/viewer";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createOpenCycleWithTeam, createPerson } from "../support/org";

let database: TestDatabase;
let admin: Viewer;
let notAdmin: Viewer;

type Row = { email: string; name: string; manager_email: string; admin: string };

const csv = (rows: Row[]) => stringify(rows, { header: true, columns: ["email", "name", "manager_email", "admin"] });
const row = (email: string, name: string, manager = "", isAdmin = false): Row => ({ email, name, manager_email: manager, admin: isAdmin ? "true" : "false" });

/** The organisation as it is now, as an import file: importing it must change nothing. */
async function currentOrg(): Promise<Row[]> {
  const rows = await selectUncheckedRows<{ email: string; name: string; manager: string | null; isAdmin: boolean }>(
    database.db,
    sql`SELECT p.email, p.name, m.email AS manager, p.is_admin AS "isAdmin"
        FROM people p LEFT JOIN people m ON m.id = p.reports_to WHERE p.is_active ORDER BY p.email`,
  );
  return rows.map((person) => row(person.email, person.name, person.manager ?? "", person.isAdmin));
}

/** Everything in the people table, to show that a refused import wrote nothing. */
const peopleTable = () => selectUncheckedRows<Record<string, unknown>>(database.db, sql`SELECT * FROM people ORDER BY email`);
const importAudits = () => database.db.select().from(auditEvents).where(eq(auditEvents.action, "people.import"));

async function personByEmail(email: string) {
  const [found] = await selectUncheckedRows<{ id: string; name: string; isAdmin: boolean; isActive: boolean; manager: string | null }>(
    database.db,
    sql`SELECT p.id, p.name, p.is_admin AS "isAdmin", p.is_active AS "isActive", m.email AS manager
        FROM people p LEFT JOIN people m ON m.id = p.reports_to WHERE p.email = ${email}`,
  );
  return found;
}

/** Previews the file, then applies it with every confirmation the preview asks for: a full replace's own tests are in org-import-modes. */
async function previewAndApply(text: string, mode: ImportMode = "update") {
  const preview = await previewImport(database.db, admin, text, mode);
  const deactivations = preview.counts.deactivated;
  const confirmations = { deactivations, massDeactivation: deactivations };
  return { preview, outcome: await applyImport(database.db, admin, text, preview.fileHash, { mode, confirmations }) };
}

beforeAll(async () => {
  database = await createTestDatabase();
  const adminPerson = await createPerson(database.db, { name: "Ada Admin", isAdmin: true });
  admin = (await loadViewer(database.db, adminPerson.id))!;
  const other = await createPerson(database.db, { name: "Otto Other" });
  notAdmin = (await loadViewer(database.db, other.id))!;
});
afterAll(() => database.dispose());

describe("importing the org chart", () => {
  it("is for administrators only", async () => {
    const text = csv(await currentOrg());
    await expect(previewImport(database.db, notAdmin, text)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(applyImport(database.db, notAdmin, text, fileHash(text))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("previews without writing, then adds, updates, moves, reactivates and deactivates in one go", async () => {
    const { db } = database;
    const director = await createPerson(db, { name: "Dora Director" });
    const managerA = await createPerson(db, { name: "Manager A", reportsTo: director.id });
    const managerB = await createPerson(db, { name: "Manager B", reportsTo: director.id });
    const rep1 = await createPerson(db, { name: "Rep One", reportsTo: managerA.id });
    const rep2 = await createPerson(db, { name: "Rep Two", reportsTo: managerA.id });
    const returning = await createPerson(db, { name: "Ray Returning", reportsTo: managerB.id, isActive: false });
    const leaver = await createPerson(db, { name: "Lea Leaver", reportsTo: managerB.id, password: "a long enough password" });
    // A reset link the leaver has not used yet: leaving ends it.
    await db.insert(invitations).values({ personId: leaver.id, tokenHash: "0".repeat(64), createdBy: admin.id, expiresAt: addDaysTo(clock.now(), 7) });
    const start = (await currentOrg()).filter((r) => r.email !== leaver.email);
    const file = csv([
      ...start.map((r) => {
        if (r.email === managerB.email) return { ...r, admin: "yes" };
        if (r.email === rep1.email) return { ...r, manager_email: managerB.email.toUpperCase() };
        if (r.email === rep2.email) return { ...r, name: "Rep  Two-Smith" };
        return r;
      }),
      row(returning.email, "Ray Returning", managerA.email),
      row("nina.new@test.example", "Nina New", "nico.new@test.example"),
      row("nico.new@test.example", "Nico New", director.email),
    ]);

    const before = await peopleTable();
    const preview = await previewImport(db, admin, file, "replace");
    expect(await peopleTable()).toEqual(before);
    expect(preview.plan.errors).toEqual([]);
    expect(preview.plan.add.map((p) => p.email)).toEqual(["nina.new@test.example", "nico.new@test.example"]);
    expect(preview.plan.update.map((p) => [p.email, p.changes])).toEqual(
      expect.arrayContaining([
        [managerB.email, ["admin"]],
        [rep2.email, ["name"]],
        [returning.email, ["reactivated"]],
      ]),
    );
    expect(preview.plan.move.map((p) => [p.email, p.fromManagerEmail, p.toManagerEmail])).toEqual(
      expect.arrayContaining([
        [rep1.email, managerA.email, managerB.email],
        [returning.email, managerB.email, managerA.email],
      ]),
    );
    expect(preview.plan.deactivate).toEqual([{ email: leaver.email, name: "Lea Leaver" }]);
    expect(preview.counts).toMatchObject({ added: 2, updated: 3, reactivated: 1, moved: 2, deactivated: 1 });

    const outcome = await applyImport(db, admin, file, preview.fileHash, { mode: "replace", confirmations: { deactivations: 1 } });
    expect(outcome).toEqual({ changed: true, counts: preview.counts });
    expect(await personByEmail(managerB.email)).toMatchObject({ isAdmin: true, manager: director.email });
    expect(await personByEmail(rep1.email)).toMatchObject({ manager: managerB.email });
    expect(await personByEmail(rep2.email)).toMatchObject({ name: "Rep Two-Smith" });
    expect(await personByEmail(returning.email)).toMatchObject({ isActive: true, manager: managerA.email });
    expect(await personByEmail("nina.new@test.example")).toMatchObject({ name: "Nina New", isActive: true, isAdmin: false, manager: "nico.new@test.example" });
    expect(await personByEmail("nico.new@test.example")).toMatchObject({ manager: director.email });
    expect(await personByEmail(leaver.email)).toMatchObject({ isActive: false, manager: managerB.email });
    // A deactivated person is signed out at once, and their open links end.
    expect(await loadViewer(db, leaver.id)).toBeNull();
    expect(await db.select({ voidedAt: invitations.voidedAt }).from(invitations).where(eq(invitations.personId, leaver.id))).toEqual([
      { voidedAt: expect.any(Date) },
    ]);

    const audits = await importAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: admin.id, personId: null, cycleId: null, details: { ...preview.counts, mode: "replace" } });
  });

  it("changes nothing, and records nothing, when the same file is imported again, in either mode", async () => {
    const file = csv(await currentOrg());
    const before = await peopleTable();
    const auditsBefore = (await importAudits()).length;
    for (const mode of ["update", "replace"] as const) {
      const { preview, outcome } = await previewAndApply(file, mode);
      expect(preview.plan).toMatchObject({ add: [], update: [], move: [], deactivate: [] });
      expect(outcome.changed).toBe(false);
      expect(outcome.counts).toMatchObject({ added: 0, updated: 0, moved: 0, deactivated: 0, unchanged: preview.plan.rows });
    }
    expect(await peopleTable()).toEqual(before);
    expect(await importAudits()).toHaveLength(auditsBefore);
  });

  it("gives each kind of error its line number, and a file with any error changes nothing", async () => {
    const org = await currentOrg();
    const somebody = org.find((r) => r.email !== admin.email)!;
    // Line 1 is the header; the current organisation takes lines 2 to org.length + 1.
    const first = org.length + 2;
    const file =
      csv(org) +
      [
        `"multi.line@test.example","Multi`, // a name on two physical lines
        `Line",,false`,
        "not-an-email,Bad Email,,false",
        `${somebody.email.toUpperCase()},Duplicate,,false`,
        "orphan@test.example,Orphan,nobody@test.example,false",
        "selfish@test.example,Selfish,selfish@test.example,false",
        "loop.a@test.example,Loop A,loop.b@test.example,false",
        "loop.b@test.example,Loop B,loop.a@test.example,false",
        "flag@test.example,Flag,,perhaps",
        "",
      ].join("\n");
    const before = await peopleTable();
    const auditsBefore = (await importAudits()).length;

    const preview = await previewImport(database.db, admin, file);
    const somebodyLine = org.indexOf(somebody) + 2;
    expect(preview.plan.errors.map((error) => [error.line, error.message])).toEqual([
      [first + 2, "“not-an-email” is not a valid email address."],
      [first + 3, `The email ${somebody.email} appears twice: on line ${somebodyLine} and on this line.`],
      [first + 4, expect.stringContaining("Unknown manager nobody@test.example")],
      [first + 5, "Someone cannot be their own manager."],
      [first + 6, expect.stringContaining(`loop.a@test.example → loop.b@test.example → loop.a@test.example (lines ${first + 6}, ${first + 7})`)],
      [first + 7, expect.stringContaining("go round in a circle")],
      [first + 8, expect.stringContaining("“perhaps” is not a valid admin value")],
    ]);
    expect(preview.counts).toMatchObject({ added: 0, updated: 0, moved: 0, deactivated: 0 });

    const refusal = await applyImport(database.db, admin, file, preview.fileHash).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ImportRuleError);
    expect((refusal as ImportRuleError).message).toBe("The file has 7 errors, so nothing was imported.");
    expect((refusal as ImportRuleError).errors).toEqual(preview.plan.errors);
    expect(await peopleTable()).toEqual(before);
    expect(await importAudits()).toHaveLength(auditsBefore);
  });

  it("reports a missing column at line 1", async () => {
    const text = "email,name,admin\nsomeone@test.example,Someone,false\n";
    const preview = await previewImport(database.db, admin, text);
    expect(preview.plan.errors).toEqual([
      { line: 1, message: "Missing column “manager_email”. The first line must name the columns email, name, manager_email, admin." },
    ]);
    await expect(applyImport(database.db, admin, text, preview.fileHash)).rejects.toBeInstanceOf(ImportRuleError);
  });

  it("refuses to deactivate the importing admin or take away their rights", async () => {
    const org = await currentOrg();
    const withoutMe = csv(org.filter((r) => r.email !== admin.email));
    expect((await previewImport(database.db, admin, withoutMe, "replace")).plan.errors).toEqual([
      { line: 1, message: expect.stringContaining("deactivate your own account") },
    ]);
    // Adding and updating only, a file without them leaves them as they are.
    expect((await previewImport(database.db, admin, withoutMe)).plan.errors).toEqual([]);
    const demoted = csv(org.map((r) => (r.email === admin.email ? { ...r, admin: "no" } : r)));
    const preview = await previewImport(database.db, admin, demoted);
    expect(preview.plan.errors).toEqual([
      { line: expect.any(Number), message: "This line would take away your own administrator rights. Set admin to true on it." },
    ]);
    await expect(applyImport(database.db, admin, demoted, preview.fileHash)).rejects.toThrow("nothing was imported");
    expect(await personByEmail(admin.email)).toMatchObject({ isAdmin: true, isActive: true });
  });

  it("applies only the file that was previewed", async () => {
    const org = await currentOrg();
    const previewed = csv(org);
    const other = csv([...org, row("sneaky@test.example", "Sneaky")]);
    const { fileHash: hash } = await previewImport(database.db, admin, previewed);
    await expect(applyImport(database.db, admin, other, hash)).rejects.toThrow("This is not the file you previewed.");
    expect(await personByEmail("sneaky@test.example")).toBeUndefined();
  });

  it("refuses a file over 5 MB", async () => {
    const text = csv(await currentOrg()) + " ".repeat(5 * 1024 * 1024);
    await expect(previewImport(database.db, admin, text)).rejects.toThrow("The file is larger than 5 MB.");
    await expect(applyImport(database.db, admin, text, fileHash(text))).rejects.toBeInstanceOf(ImportRuleError);
  });

  it("is all or nothing: when one statement fails, every earlier one is undone", async () => {
    const { db } = database;
    const org = await currentOrg();
    const leaving = org.find((r) => r.email !== admin.email && !org.some((other) => other.manager_email === r.email))!;
    const file = csv([
      ...org.filter((r) => r !== leaving).map((r) => ({ ...r, name: `${r.name} Renamed` })),
      row("late@test.example", "Late Arrival", admin.email),
    ]);
    const before = await peopleTable();
    // The audit entry is the last write of an import: make the database refuse it.
    await db.execute(sql`CREATE FUNCTION refuse_import_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.action = 'people.import' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$`);
    await db.execute(sql`CREATE TRIGGER refuse_import_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION refuse_import_audit()`);
    try {
      const preview = await previewImport(db, admin, file, "replace");
      expect(preview.plan.errors).toEqual([]);
      expect(preview.counts).toMatchObject({ added: 1, deactivated: 1, updated: org.length - 1 });
      const failure = await applyImport(db, admin, file, preview.fileHash, { mode: "replace", confirmations: { deactivations: 1 } }).catch(
        (error: unknown) => error,
      );
      // The trigger's refusal, not a rule of the import.
      expect(failure).toBeInstanceOf(Error);
      expect(failure).not.toBeInstanceOf(ImportRuleError);
    } finally {
      await db.execute(sql`DROP TRIGGER refuse_import_audit ON audit_events`);
      await db.execute(sql`DROP FUNCTION refuse_import_audit()`);
    }
    expect(await peopleTable()).toEqual(before);
  });

  it("moves people during an open cycle without touching that cycle's snapshot", async () => {
    const { db } = database;
    const { manager, reps, cycle } = await createOpenCycleWithTeam(db, 3);
    const otherManager = await createPerson(db, { name: "Other Manager" });
    const snapshot = () =>
      db
        .select({ rater: cycleAssignments.raterId, manager: cycleAssignments.managerId })
        .from(cycleAssignments)
        .where(eq(cycleAssignments.cycleId, cycle.id))
        .then((rows) => rows.map((r) => `${r.rater}>${r.manager}`).sort());
    const before = await snapshot();
    expect(before).toHaveLength(4);

    const org = await currentOrg();
    const file = csv(
      org
        .filter((r) => r.email !== reps[2]!.email) // leaves: deactivated
        .map((r) => {
          if (r.email === reps[0]!.email) return { ...r, manager_email: otherManager.email };
          if (r.email === manager.email) return { ...r, manager_email: otherManager.email, name: "Team Manager Renamed" };
          return r;
        }),
    );
    const { outcome } = await previewAndApply(file, "replace");
    expect(outcome.counts).toMatchObject({ moved: 2, updated: 1, deactivated: 1 });
    expect(await personByEmail(reps[0]!.email)).toMatchObject({ manager: otherManager.email });
    expect(await personByEmail(reps[2]!.email)).toMatchObject({ isActive: false });
    expect(await snapshot()).toEqual(before);
  });

  it("imports 10,000 people, and importing them again changes nothing", async () => {
    const rows: Row[] = [row(admin.email, admin.name, "", true), row("ceo@big.example", "Chief Executive")];
    for (let m = 0; m < 100; m++) {
      const managerEmail = `manager.${m}@big.example`;
      rows.push(row(managerEmail, `Manager ${m}`, "ceo@big.example"));
      for (let r = 0; rows.length < 10_000 && r < 99; r++) rows.push(row(`rep.${m}.${r}@big.example`, `Rep ${m}.${r}`, managerEmail, r === 0 && m === 0));
    }
    expect(rows).toHaveLength(10_000);
    const file = csv(rows);
    const activeBefore = (await currentOrg()).length;

    const { preview, outcome } = await previewAndApply(file, "replace");
    expect(preview.plan.errors).toEqual([]);
    expect(preview.confirm).toEqual({ deactivations: true, massDeactivation: true });
    expect(outcome.changed).toBe(true);
    expect(outcome.counts).toMatchObject({ rows: 10_000, added: 9_999, unchanged: 1, deactivated: activeBefore - 1 });

    const imported = await currentOrg();
    expect(imported).toHaveLength(10_000);
    const expected = new Map(rows.map((r) => [r.email, r]));
    for (const person of imported) expect(person).toEqual(expected.get(person.email));

    const again = await previewAndApply(file, "replace");
    expect(again.outcome.changed).toBe(false);
    expect(again.outcome.counts.unchanged).toBe(10_000);
  });
});
