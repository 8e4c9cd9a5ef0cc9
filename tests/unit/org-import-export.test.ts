import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ExistingPerson, fromSpreadsheetSafe, orgExportRecords, planChangesSomething, planImport, spreadsheetSafe } from "@/lib/org-import";
import { neutralise } from "@/lib/teams/csv";
import { readCsv } from "@/server/dal/org-import";
import { ADMIN, person } from "./support/org-people";

/** The export as the route sends it (CRLF, byte-order mark), read back as the import reads a file. */
function roundTrip(people: ExistingPerson[]) {
  const text = stringify(orgExportRecords(people), { record_delimiter: "windows", bom: true });
  const read = readCsv(text);
  if ("error" in read) throw new Error(read.error.message);
  return { text, records: read.records };
}

describe("spreadsheet-safe cells", () => {
  it("neutralises what a spreadsheet would run, as the teams export does", () => {
    for (const text of ['=HYPERLINK("x")', "+1", "-2", "@SUM(A1)"]) {
      expect(spreadsheetSafe(text)).toBe(neutralise(text));
      expect(spreadsheetSafe(text)).toBe(`'${text}`);
    }
    expect(spreadsheetSafe("Ana O'Brien")).toBe("Ana O'Brien");
    expect(spreadsheetSafe("'Quoted")).toBe("'Quoted");
    // Apostrophes before a formula: one more on the way out, so that one comes off on the way in.
    expect(spreadsheetSafe("'=x")).toBe("''=x");
  });

  it("reads back exactly what it wrote, for any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("'", "=", "+", "-", "@", "a", " ", "\t") }), (text) => {
        expect(fromSpreadsheetSafe(spreadsheetSafe(text))).toBe(text);
        expect(neutralise(spreadsheetSafe(text))).toBe(spreadsheetSafe(text));
      }),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(fromSpreadsheetSafe(spreadsheetSafe(text))).toBe(text);
      }),
    );
  });

  it("leaves a hand-written apostrophe that guards nothing", () => {
    expect(fromSpreadsheetSafe("'Ana")).toBe("'Ana");
    expect(fromSpreadsheetSafe("'")).toBe("'");
  });
});

describe("the export", () => {
  const org = [
    person(ADMIN, { name: "Zed Admin", managerEmail: "ceo@org.example", isAdmin: true }),
    person("ceo@org.example", { name: "Cleo" }),
    person("b@org.example", { name: "Bea", managerEmail: "ceo@org.example" }),
    person("rep@org.example", { name: "=cmd|' /C calc'!A0", managerEmail: "b@org.example" }),
    person("left@org.example", { name: "Left", managerEmail: "b@org.example", isActive: false }),
    person("kept@org.example", { name: "Kept, Jr.", managerEmail: "left@org.example" }),
    person("solo@org.example", { name: "Alma" }),
  ];

  it("lists active people in the order of the tree, in the import's columns, formulas neutralised", () => {
    expect(orgExportRecords(org)).toEqual([
      ["email", "name", "manager_email", "admin"],
      ["solo@org.example", "Alma", "", "false"],
      ["ceo@org.example", "Cleo", "", "false"],
      ["b@org.example", "Bea", "ceo@org.example", "false"],
      ["rep@org.example", "'=cmd|' /C calc'!A0", "b@org.example", "false"],
      [ADMIN, "Zed Admin", "ceo@org.example", "true"],
      // Their manager is deactivated: they are at the top of the file, and keep that manager.
      ["kept@org.example", "Kept, Jr.", "left@org.example", "false"],
    ]);
  });

  it("still lists everyone should the database ever hold a loop", () => {
    const loop = [person("a@org.example", { managerEmail: "b@org.example" }), person("b@org.example", { managerEmail: "a@org.example" })];
    expect(orgExportRecords(loop).map((record) => record[0])).toEqual(["email", "a@org.example", "b@org.example"]);
  });

  for (const mode of ["update", "replace"] as const) {
    it(`imports back as no change at all (${mode})`, () => {
      const { text, records } = roundTrip(org);
      expect(text.startsWith("\uFEFFemail,name,manager_email,admin\r\n")).toBe(true);
      const plan = planImport(records, org, { importerEmail: ADMIN, mode });
      expect(plan.errors).toEqual([]);
      expect(planChangesSomething(plan)).toBe(false);
      expect(plan.unchanged).toBe(6);
    });
  }

  it("imports back as no change for any organisation and any names", () => {
    const emails = Array.from({ length: 7 }, (_, i) => `p${i}@org.example`);
    const name = fc
      .string({ unit: fc.constantFrom("A", "b", " ", ",", '"', "'", "=", "+", "-", "@", "é", "\n"), minLength: 1, maxLength: 12 })
      .map((text) => text.replace(/\s+/g, " ").trim())
      .filter((text) => text !== "");
    const orgArb = fc
      .tuple(
        fc.shuffledSubarray(emails, { minLength: 1 }),
        fc.array(fc.nat(), { minLength: 7, maxLength: 7 }),
        fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
        fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
        fc.array(name, { minLength: 7, maxLength: 7 }),
      )
      .map(([chosen, parents, active, admins, names]) => [
        person(ADMIN, { name: "The Admin", isAdmin: true }),
        ...chosen.map((email, i) =>
          person(email, {
            name: names[i]!,
            managerEmail: i === 0 || parents[i]! % 3 === 0 ? null : chosen[parents[i]! % i]!,
            isActive: active[i]!,
            isAdmin: admins[i]!,
          }),
        ),
      ]);
    fc.assert(
      fc.property(orgArb, fc.constantFrom("update" as const, "replace" as const), (people, mode) => {
        const plan = planImport(roundTrip(people).records, people, { importerEmail: ADMIN, mode });
        expect(plan.errors).toEqual([]);
        expect(planChangesSomething(plan)).toBe(false);
      }),
    );
  });
});
