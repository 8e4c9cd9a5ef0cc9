import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CsvRecord,
  type ExistingPerson,
  type ImportMode,
  type ImportPlan,
  MAX_IMPORT_ROWS,
  normaliseName,
  ORG_IMPORT_TEMPLATE,
  parseAdminFlag,
  planChangesSomething,
  planImport,
} from "@/lib/org-import";
import { ADMIN, person, adminPerson, errorsOf } from "./support/org-people";

const HEADER = "email,name,manager_email,admin";

/** Records from simple lines (no quotes), numbered as physical lines from 1. */
const records = (...lines: string[]): CsvRecord[] => lines.map((text, index) => ({ line: index + 1, cells: text.split(",") }));

/** A file with the standard header, the importing admin at the top, and these rows after them (from line 3). */
const withAdmin = (...rows: string[]) => records(HEADER, `${ADMIN},The Admin,,true`, ...rows);

/** A full replace unless said otherwise: most of these rules hold in both modes, and the replace is the stricter. */
const plan = (input: CsvRecord[], existing: ExistingPerson[] = [], importerEmail = ADMIN, mode: ImportMode = "replace") =>
  planImport(input, existing, { importerEmail, mode });

const linesOf = (result: ImportPlan) => result.errors.map((error) => error.line);

/** What the database would hold after a plan is applied: the same rules the data access layer runs in SQL. */
function applyInMemory(existing: ExistingPerson[], result: ImportPlan): ExistingPerson[] {
  const byEmail = new Map(existing.map((p) => [p.email, { ...p }]));
  for (const add of result.add)
    byEmail.set(add.email, { email: add.email, name: add.name, managerEmail: add.managerEmail, isAdmin: add.isAdmin, isActive: true });
  for (const update of result.update) Object.assign(byEmail.get(update.email)!, { name: update.name, isAdmin: update.isAdmin, isActive: true });
  for (const move of result.move) byEmail.get(move.email)!.managerEmail = move.toManagerEmail;
  for (const gone of result.deactivate) byEmail.get(gone.email)!.isActive = false;
  return [...byEmail.values()];
}

describe("the header", () => {
  it("accepts the four columns in any order, in any case, with spaces around them", () => {
    const result = plan([
      { line: 1, cells: [" Admin ", "MANAGER_EMAIL", "name", "Email"] },
      { line: 2, cells: ["yes", "", "The Admin", ADMIN] },
    ]);
    expect(result.errors).toEqual([]);
    expect(result.add).toEqual([{ line: 2, email: ADMIN, name: "The Admin", managerEmail: null, isAdmin: true }]);
  });

  it("reports a missing column at line 1", () => {
    const result = plan(records("email,name,admin", `${ADMIN},The Admin,true`));
    expect(errorsOf(result)).toEqual([[1, "Missing column “manager_email”. The first line must name the columns email, name, manager_email, admin."]]);
    expect(planChangesSomething(result)).toBe(false);
  });

  it("reports unknown, repeated and unnamed columns, and stops there", () => {
    const result = plan(records("email,name,manager_email,admin,team,email,", `${ADMIN},The Admin,,true,x,y,z`));
    expect(linesOf(result)).toEqual([1, 1, 1]);
    expect(result.errors.map((error) => error.message)).toEqual([
      "Unknown column “team”. The columns must be email, name, manager_email, admin.",
      "The column “email” appears twice.",
      "Column 7 of the header has no name. The columns must be email, name, manager_email, admin.",
    ]);
  });

  it("hints at commas when the columns are separated by something else", () => {
    const result = plan([{ line: 1, cells: ["email;name;manager_email;admin"] }]);
    expect(result.errors[0]?.message).toContain("Separate the columns with commas.");
    expect(result.errors).toHaveLength(5);
  });

  it("refuses an empty file, and one with only blank lines", () => {
    expect(errorsOf(plan([]))).toEqual([[1, "The file is empty. Its first line must name the columns email, name, manager_email, admin."]]);
    expect(
      linesOf(
        plan([
          { line: 1, cells: [""] },
          { line: 2, cells: ["  ", ""] },
        ]),
      ),
    ).toEqual([1]);
  });

  it("skips blank lines before and between rows, keeping physical line numbers", () => {
    const result = plan([
      { line: 1, cells: [""] },
      { line: 2, cells: HEADER.split(",") },
      { line: 3, cells: [ADMIN, "The Admin", "", "true"] },
      { line: 4, cells: ["", "", "", ""] },
      { line: 5, cells: ["bad", "Someone", "", ""] },
    ]);
    expect(errorsOf(result)).toEqual([[5, "“bad” is not a valid email address."]]);
    expect(result.rows).toBe(2);
  });
});

describe("errors in rows, each with its line number", () => {
  it("a bad or missing email", () => {
    const result = plan(withAdmin("not-an-email,Someone,,", ",Nobody,,"));
    expect(errorsOf(result)).toEqual([
      [3, "“not-an-email” is not a valid email address."],
      [4, "The email is missing."],
    ]);
  });

  it("quotes a long value only in part", () => {
    const long = "x".repeat(5_000);
    const [error] = plan(withAdmin(`${long},Someone,,`)).errors;
    expect(error?.message).toBe(`“${"x".repeat(60)}…” is not a valid email address.`);
    expect(plan(records(`${HEADER},${long}`)).errors[0]?.message).toContain(`Unknown column “${"x".repeat(60)}…”`);
  });

  it("a duplicate email, naming both lines, whatever the case and spaces", () => {
    const result = plan(withAdmin("ana@org.example,Ana,,", " ANA@org.example ,Ana again,,"));
    expect(errorsOf(result)).toEqual([[4, "The email ana@org.example appears twice: on line 3 and on this line."]]);
  });

  it("an unknown manager, including someone only in the database", () => {
    const existing = [adminPerson, person("gone@org.example")];
    const result = plan(withAdmin("ana@org.example,Ana,gone@org.example,", "ben@org.example,Ben,nobody@org.example,"), existing);
    expect(linesOf(result)).toEqual([3, 4]);
    expect(result.errors[0]?.message).toBe(
      "Unknown manager gone@org.example: nobody with that email is in the file. Everyone who is not in the file is deactivated, so managers must be in it too.",
    );
  });

  it("a manager email that is not an email", () => {
    expect(errorsOf(plan(withAdmin("ana@org.example,Ana,boss,")))).toEqual([[3, "The manager email “boss” is not a valid email address."]]);
  });

  it("someone who is their own manager", () => {
    expect(errorsOf(plan(withAdmin("ana@org.example,Ana,ANA@org.example,")))).toEqual([[3, "Someone cannot be their own manager."]]);
  });

  it("a cycle in the reporting tree, at the line of every row on it", () => {
    const result = plan(
      withAdmin(
        "ana@org.example,Ana,ben@org.example,",
        "ben@org.example,Ben,cid@org.example,",
        "dee@org.example,Dee,ana@org.example,",
        "cid@org.example,Cid,ana@org.example,",
      ),
    );
    // Dee reports into the loop but is not on it.
    expect(linesOf(result)).toEqual([3, 4, 6]);
    for (const error of result.errors) {
      expect(error.message).toBe(
        "The reporting lines go round in a circle: ana@org.example → ben@org.example → cid@org.example → ana@org.example (lines 3, 4, 6). Someone in it must report to a manager outside it.",
      );
    }
  });

  it("two people managing each other, and two separate cycles", () => {
    const result = plan(
      withAdmin("a@org.example,A,b@org.example,", "b@org.example,B,a@org.example,", "c@org.example,C,d@org.example,", "d@org.example,D,c@org.example,"),
    );
    expect(linesOf(result)).toEqual([3, 4, 5, 6]);
    expect(result.errors[2]?.message).toContain("c@org.example → d@org.example → c@org.example (lines 5, 6)");
  });

  it("a long cycle is described in part", () => {
    const size = 25;
    const rows = Array.from({ length: size }, (_, i) => `p${i}@org.example,P${i},p${(i + 1) % size}@org.example,`);
    const result = plan(withAdmin(...rows));
    expect(result.errors).toHaveLength(size);
    expect(result.errors[0]?.message).toContain("p9@org.example → … (15 more) (lines 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 and 15 more)");
  });

  it("an admin value that is not a yes or a no", () => {
    const result = plan(withAdmin("ana@org.example,Ana,,maybe"));
    expect(errorsOf(result)).toEqual([[3, "“maybe” is not a valid admin value. Use true or false (or yes/no, 1/0), or leave it empty for false."]]);
  });

  it("a missing, long or unreadable name", () => {
    const result = plan(withAdmin("a@org.example,  ,,", `b@org.example,${"x".repeat(201)},,`, "c@org.example,Jos\uFFFD,,"));
    expect(errorsOf(result)).toEqual([
      [3, "The name is missing."],
      [4, "The name is longer than 200 characters."],
      [5, "The name has characters that could not be read. Save the file as CSV in UTF-8 and try again."],
    ]);
  });

  it("counts a name's length in characters, not in UTF-16 units", () => {
    expect(plan(withAdmin(`a@org.example,${"😀".repeat(200)},,`)).errors).toEqual([]);
    expect(plan(withAdmin(`a@org.example,${"😀".repeat(201)},,`)).errors).toHaveLength(1);
  });

  it("a row with too many or too few values, still checking what it has", () => {
    const result = plan(withAdmin("a@org.example,A,,false,extra", "b@org.example,B"));
    expect(errorsOf(result)).toEqual([
      [3, "This line has 5 values instead of 4. A value that contains a comma must be in double quotes."],
      [4, "This line has 2 values instead of 4. A value that contains a comma must be in double quotes."],
    ]);
  });

  it("more than 20,000 people, at the first line over the limit", () => {
    // The admin's row and 20,000 more: the 20,001st person is on line 20,002.
    const rows = Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => `p${i}@org.example,P${i},,`);
    const result = plan(withAdmin(...rows));
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toEqual({ line: MAX_IMPORT_ROWS + 2, message: "The file has 20,001 people; at most 20,000 can be imported at once." });
  });

  it("exactly 20,000 people is fine", () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS - 1 }, (_, i) => `p${i}@org.example,P${i},${ADMIN},`);
    const result = plan(withAdmin(...rows));
    expect(result.errors).toEqual([]);
    expect(result.add).toHaveLength(MAX_IMPORT_ROWS);
  });

  it("lists every error in line order, and plans nothing while there are any", () => {
    const existing = [adminPerson, person("old@org.example")];
    const result = plan(withAdmin("ok@org.example,Ok,,", "x,Bad,,maybe", "ok@org.example,Again,,"), existing);
    expect(linesOf(result)).toEqual([4, 4, 5]);
    expect(result).toMatchObject({ rows: 4, add: [], update: [], move: [], deactivate: [], unchanged: 0 });
  });
});

describe("what a clean file changes", () => {
  const existing = [
    adminPerson,
    person("vp@org.example", { name: "Vera P" }),
    person("mgr@org.example", { name: "Max Manager", managerEmail: "vp@org.example" }),
    person("rep@org.example", { name: "Rita Rep", managerEmail: "mgr@org.example" }),
    person("leaver@org.example", { name: "Lee Leaver", managerEmail: "mgr@org.example" }),
    person("back@org.example", { name: "Bo Back", managerEmail: "vp@org.example", isActive: false }),
    person("long.gone@org.example", { name: "Long Gone", isActive: false }),
  ];

  it("adds, updates, moves, reactivates and deactivates", () => {
    const result = plan(
      withAdmin(
        "vp@org.example,Vera P,,",
        "mgr@org.example,Max  Manager-Smith,vp@org.example,yes",
        "REP@org.example , Rita Rep ,vp@org.example,0",
        "back@org.example,Bo Back,mgr@org.example,",
        "new@org.example,Nia New,mgr@org.example,",
      ),
      existing,
    );
    expect(result.errors).toEqual([]);
    expect(result.add).toEqual([{ line: 7, email: "new@org.example", name: "Nia New", managerEmail: "mgr@org.example", isAdmin: false }]);
    expect(result.update).toEqual([
      {
        line: 4,
        email: "mgr@org.example",
        name: "Max Manager-Smith",
        managerEmail: "vp@org.example",
        isAdmin: true,
        changes: ["name", "admin"],
        previousName: "Max Manager",
        wasAdmin: false,
      },
      {
        line: 6,
        email: "back@org.example",
        name: "Bo Back",
        managerEmail: "mgr@org.example",
        isAdmin: false,
        changes: ["reactivated"],
        previousName: "Bo Back",
        wasAdmin: false,
      },
    ]);
    expect(result.move).toEqual([
      { line: 5, email: "rep@org.example", name: "Rita Rep", fromManagerEmail: "mgr@org.example", toManagerEmail: "vp@org.example" },
      { line: 6, email: "back@org.example", name: "Bo Back", fromManagerEmail: "vp@org.example", toManagerEmail: "mgr@org.example" },
    ]);
    // Only active people who are missing are deactivated.
    expect(result.deactivate).toEqual([{ email: "leaver@org.example", name: "Lee Leaver" }]);
    expect(result.unchanged).toBe(2);
    expect(result.rows).toBe(6);
    expect(planChangesSomething(result)).toBe(true);
  });

  it("moves someone to the top of the tree when their manager cell is empty", () => {
    const result = plan(
      withAdmin(
        "vp@org.example,Vera P,,",
        "mgr@org.example,Max Manager,,",
        "rep@org.example,Rita Rep,mgr@org.example,",
        "leaver@org.example,Lee Leaver,mgr@org.example,",
      ),
      existing,
    );
    expect(result.move).toEqual([{ line: 4, email: "mgr@org.example", name: "Max Manager", fromManagerEmail: "vp@org.example", toManagerEmail: null }]);
  });

  it("lists the people to deactivate by name", () => {
    const result = plan(withAdmin(), [
      adminPerson,
      person("z@org.example", { name: "Zed" }),
      person("a@org.example", { name: "Abe" }),
      person("b@org.example", { name: "Abe" }),
    ]);
    expect(result.deactivate.map((p) => p.email)).toEqual(["a@org.example", "b@org.example", "z@org.example"]);
  });

  it("changes nothing when the file matches the database", () => {
    const result = plan(
      withAdmin(
        "vp@org.example,Vera P,,false",
        "mgr@org.example,Max Manager,vp@org.example,",
        "rep@org.example,Rita Rep,mgr@org.example,no",
        "leaver@org.example,Lee Leaver,mgr@org.example,0",
      ),
      existing,
    );
    expect(result).toEqual({ rows: 5, errors: [], add: [], update: [], move: [], deactivate: [], unchanged: 5 });
    expect(planChangesSomething(result)).toBe(false);
  });

  it("a second import of the same file plans nothing", () => {
    const file = withAdmin(
      "vp@org.example,Vera,,",
      "new@org.example,New,vp@org.example,",
      "rep@org.example,Rita,new@org.example,yes",
      "back@org.example,Bo,rep@org.example,",
    );
    const first = plan(file, existing);
    expect(planChangesSomething(first)).toBe(true);
    const second = plan(file, applyInMemory(existing, first));
    expect(planChangesSomething(second)).toBe(false);
    expect(second.unchanged).toBe(5);
  });
});

describe("the importing admin cannot lock themselves out", () => {
  it("refuses a file without them, at the header's line", () => {
    const result = plan(records(HEADER, "ana@org.example,Ana,,true"), [adminPerson]);
    expect(errorsOf(result)).toEqual([
      [1, "You (admin@org.example) are not in the file, so a full replace would deactivate your own account. Add a line for yourself."],
    ]);
  });

  it("refuses to take away their admin flag, at their line", () => {
    const result = plan(
      records(HEADER, "ana@org.example,Ana,,true", `${ADMIN.toUpperCase()},The Admin,ana@org.example,no`),
      [adminPerson],
      " Admin@Org.example ",
    );
    expect(errorsOf(result)).toEqual([[3, "This line would take away your own administrator rights. Set admin to true on it."]]);
  });

  it("does not add a second error when their admin value is unreadable", () => {
    const result = plan(records(HEADER, `${ADMIN},The Admin,,sure`), [adminPerson]);
    expect(linesOf(result)).toEqual([2]);
  });
});

describe("cell rules", () => {
  it("reads admin flags", () => {
    for (const yes of ["true", "TRUE", " yes ", "Yes", "1"]) expect(parseAdminFlag(yes)).toBe(true);
    for (const no of ["false", "No", "0", "", "   "]) expect(parseAdminFlag(no)).toBe(false);
    for (const bad of ["y", "2", "constructor", "toString", "admin"]) expect(parseAdminFlag(bad)).toBeNull();
  });

  it("keeps a name on one line", () => {
    expect(normaliseName("  Ana \n  Maria\tSilva ")).toBe("Ana Maria Silva");
  });

  it("offers a template that imports cleanly", () => {
    const lines = ORG_IMPORT_TEMPLATE.split("\r\n").filter(Boolean);
    const result = plan(records(...lines), [], "dana.roth@example.com");
    expect(result.errors).toEqual([]);
    expect(result.add).toHaveLength(4);
  });
});

describe("properties", () => {
  // A random organisation in the database and a random file: both drawn from the same few emails.
  const emails = Array.from({ length: 8 }, (_, i) => `p${i}@org.example`);
  const existingArb = fc.uniqueArray(
    fc.record({
      email: fc.constantFrom(...emails),
      name: fc.constantFrom("Ann", "Bob", "Cy"),
      managerEmail: fc.option(fc.constantFrom(...emails), { nil: null }),
      isAdmin: fc.boolean(),
      isActive: fc.boolean(),
    }),
    { selector: (p) => p.email, maxLength: 8 },
  );
  // The file is a tree: each row's manager is an earlier row, so it never loops.
  const fileArb = fc
    .tuple(fc.shuffledSubarray(emails), fc.array(fc.nat(), { minLength: 8, maxLength: 8 }), fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }))
    .map(([chosen, parents, admins]) =>
      chosen.map((email, i) => ({
        email,
        name: ["Ann", "Bob", "Cy"][i % 3]!,
        manager: i === 0 || parents[i]! % 4 === 0 ? "" : chosen[parents[i]! % i]!,
        admin: admins[i]! ? "yes" : "no",
      })),
    );

  it("applying a clean plan and planning the same file again changes nothing", () => {
    fc.assert(
      fc.property(existingArb, fileArb, (existing, rows) => {
        const file = records(HEADER, `${ADMIN},The Admin,,true`, ...rows.map((r) => `${r.email},${r.name},${r.manager},${r.admin}`));
        const before = [adminPerson, ...existing];
        const first = plan(file, before);
        expect(first.errors).toEqual([]);
        const after = applyInMemory(before, first);
        // The result is exactly the file: everyone in it active with its manager, everyone else inactive.
        const inFile = new Set([ADMIN, ...rows.map((r) => r.email)]);
        for (const p of after) expect(p.isActive).toBe(inFile.has(p.email));
        for (const r of rows) expect(after.find((p) => p.email === r.email)?.managerEmail).toBe(r.manager || null);
        expect(planChangesSomething(plan(file, after))).toBe(false);
      }),
    );
  });

  it("any reporting loop is reported at every line on it, and nowhere else", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 0, max: 5 }), (loop, outside) => {
        const rows = [
          ...Array.from({ length: loop }, (_, i) => `l${i}@org.example,L,l${(i + 1) % loop}@org.example,`),
          ...Array.from({ length: outside }, (_, i) => `o${i}@org.example,O,l0@org.example,`),
        ];
        const result = plan(withAdmin(...rows));
        expect(linesOf(result)).toEqual(Array.from({ length: loop }, (_, i) => i + 3));
      }),
    );
  });
});
