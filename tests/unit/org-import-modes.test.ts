import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CsvRecord, type ExistingPerson, type ImportMode, type ImportPlan, planChangesSomething, planImport } from "@/lib/org-import";
import { ADMIN, person, adminPerson, errorsOf } from "./support/org-people";

const HEADER = "email,name,manager_email,admin";

const records = (...lines: string[]): CsvRecord[] => lines.map((text, index) => ({ line: index + 1, cells: text.split(",") }));
const file = (...rows: string[]) => records(HEADER, ...rows);
const plan = (input: CsvRecord[], existing: ExistingPerson[], mode: ImportMode) => planImport(input, existing, { importerEmail: ADMIN, mode });

/** The organisation after a plan, as the data access layer writes it. */
function applyInMemory(existing: ExistingPerson[], result: ImportPlan): ExistingPerson[] {
  const byEmail = new Map(existing.map((p) => [p.email, { ...p }]));
  for (const add of result.add)
    byEmail.set(add.email, { email: add.email, name: add.name, managerEmail: add.managerEmail, isAdmin: add.isAdmin, isActive: true });
  for (const update of result.update) Object.assign(byEmail.get(update.email)!, { name: update.name, isAdmin: update.isAdmin, isActive: true });
  for (const move of result.move) byEmail.get(move.email)!.managerEmail = move.toManagerEmail;
  for (const gone of result.deactivate) byEmail.get(gone.email)!.isActive = false;
  return [...byEmail.values()];
}

const org = [
  adminPerson,
  person("vp@org.example", { name: "Vera" }),
  person("mgr@org.example", { name: "Max", managerEmail: "vp@org.example" }),
  person("rep@org.example", { name: "Rita", managerEmail: "mgr@org.example" }),
  person("gone@org.example", { name: "Gone", managerEmail: "vp@org.example", isActive: false }),
  // Still active, but their manager was deactivated on their own page: nobody moved them.
  person("orphan@org.example", { name: "Orphan", managerEmail: "gone@org.example" }),
];

describe("add and update only", () => {
  it("deactivates nobody, and needs neither the importer nor the managers in the file", () => {
    const result = plan(file("new@org.example,Nia New,mgr@org.example,", "rep@org.example,Rita,vp@org.example,"), org, "update");
    expect(result.errors).toEqual([]);
    expect(result.add.map((p) => p.email)).toEqual(["new@org.example"]);
    expect(result.move).toEqual([{ line: 3, email: "rep@org.example", name: "Rita", fromManagerEmail: "mgr@org.example", toManagerEmail: "vp@org.example" }]);
    expect(result.deactivate).toEqual([]);
    // The same file as a full replace would deactivate everyone else, the importer included: refused.
    expect(errorsOf(plan(file("new@org.example,Nia New,mgr@org.example,", "rep@org.example,Rita,vp@org.example,"), org, "replace"))).toEqual([
      [1, expect.stringContaining("a full replace would deactivate your own account")],
      [2, expect.stringContaining("Unknown manager mgr@org.example: nobody with that email is in the file.")],
      [3, expect.stringContaining("Unknown manager vp@org.example")],
    ]);
  });

  it("refuses a manager nobody knows, and a deactivated one", () => {
    const result = plan(file("a@org.example,A,nobody@org.example,", "b@org.example,B,gone@org.example,"), org, "update");
    expect(errorsOf(result)).toEqual([
      [2, "Unknown manager nobody@org.example: nobody with that email is in the file or in Fulcrum."],
      [3, "The manager gone@org.example is deactivated. Add a line for them to reactivate them, or choose an active manager."],
    ]);
  });

  it("takes a deactivated manager who is in the file, reactivating them", () => {
    const result = plan(file("b@org.example,B,gone@org.example,", "gone@org.example,Gone,vp@org.example,"), org, "update");
    expect(result.errors).toEqual([]);
    expect(result.update.map((p) => [p.email, p.changes])).toEqual([["gone@org.example", ["reactivated"]]]);
  });

  it("still refuses to take away the importer's own admin rights", () => {
    expect(errorsOf(plan(file(`${ADMIN},The Admin,,no`), org, "update"))).toEqual([
      [2, "This line would take away your own administrator rights. Set admin to true on it."],
    ]);
  });
});

describe("in both modes", () => {
  for (const mode of ["update", "replace"] as const) {
    it(`lets someone keep a manager who was deactivated (${mode})`, () => {
      const everyone = [`${ADMIN},The Admin,,true`, "vp@org.example,Vera,,", "mgr@org.example,Max,vp@org.example,", "rep@org.example,Rita,mgr@org.example,"];
      const result = plan(file(...everyone, "orphan@org.example,Orphan,gone@org.example,"), org, mode);
      expect(result.errors).toEqual([]);
      expect(planChangesSomething(result)).toBe(false);
      // Moving someone else under them is another matter.
      expect(plan(file(...everyone, "orphan@org.example,Orphan,gone@org.example,", "new@org.example,New,gone@org.example,"), org, mode).errors).toEqual([
        { line: 7, message: expect.stringMatching(/gone@org\.example/) },
      ]);
    });

    it(`finds a loop through people who are not in the file (${mode})`, () => {
      // vp is in the database, above mgr; the file puts vp under rep, who is under mgr.
      const existing = [...org, person("x@org.example", { managerEmail: "vp@org.example" })];
      const lines = [`${ADMIN},The Admin,,true`, "vp@org.example,Vera,rep@org.example,"];
      if (mode === "replace") lines.push("mgr@org.example,Max,vp@org.example,", "rep@org.example,Rita,mgr@org.example,");
      const result = plan(file(...lines), existing, mode);
      const message = result.errors.find((error) => error.line === 3)?.message;
      if (mode === "update") {
        expect(errorsOf(result)).toEqual([
          [
            3,
            "The reporting lines go round in a circle: vp@org.example → rep@org.example → mgr@org.example → vp@org.example (line 3; 2 people not in the file, as they report today). Someone in it must report to a manager outside it.",
          ],
        ]);
      } else {
        expect(result.errors.map((error) => error.line)).toEqual([3, 4, 5]);
        expect(message).toContain("vp@org.example → rep@org.example → mgr@org.example → vp@org.example (lines 3, 5, 4)");
      }
    });
  }

  it("does not report a loop through a line whose manager is refused already", () => {
    const result = plan(file("vp@org.example,Vera,rep@org.example,", "rep@org.example,Rita,nobody@org.example,"), org, "update");
    expect(errorsOf(result)).toEqual([[3, expect.stringContaining("Unknown manager nobody@org.example")]]);
  });

  it("takes a name stored with extra spaces as the same name", () => {
    const existing = [adminPerson, person("ana@org.example", { name: "Ana  Maria " })];
    const result = plan(file(`${ADMIN},The Admin,,true`, "ana@org.example,Ana Maria,,"), existing, "replace");
    expect(result.unchanged).toBe(2);
    expect(planChangesSomething(result)).toBe(false);
  });
});

describe("properties of add and update only", () => {
  const emails = Array.from({ length: 8 }, (_, i) => `p${i}@org.example`);
  // A tree in the database: each person's manager comes earlier in the list.
  const existingArb = fc
    .tuple(fc.shuffledSubarray(emails), fc.array(fc.nat(), { minLength: 8, maxLength: 8 }), fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }))
    .map(([chosen, parents, active]) =>
      chosen.map((email, i) => person(email, { managerEmail: i === 0 || parents[i]! % 3 === 0 ? null : chosen[parents[i]! % i]!, isActive: active[i]! })),
    );
  const rowArb = fc.record({ email: fc.constantFrom(...emails), manager: fc.option(fc.constantFrom(...emails), { nil: null }), admin: fc.boolean() });

  it("never deactivates anyone; a clean plan, applied, plans nothing the second time; and the tree never loops", () => {
    fc.assert(
      fc.property(existingArb, fc.uniqueArray(rowArb, { selector: (row) => row.email, maxLength: 8 }), (existing, rows) => {
        const before = [adminPerson, ...existing];
        const input = file(...rows.map((r) => `${r.email},Name,${r.manager ?? ""},${r.admin ? "yes" : "no"}`));
        const first = plan(input, before, "update");
        expect(first.deactivate).toEqual([]);
        if (first.errors.length > 0) return;
        const after = applyInMemory(before, first);
        for (const p of before) if (p.isActive) expect(after.find((q) => q.email === p.email)?.isActive).toBe(true);
        // Walk up from everyone: nobody meets themselves.
        const managerOf = new Map(after.map((p) => [p.email, p.managerEmail]));
        for (const start of managerOf.keys()) {
          const seen = new Set<string>();
          for (let at: string | null | undefined = start; at; at = managerOf.get(at)) {
            expect(seen.has(at)).toBe(false);
            seen.add(at);
          }
        }
        expect(planChangesSomething(plan(input, after, "update"))).toBe(false);
      }),
    );
  });
});
