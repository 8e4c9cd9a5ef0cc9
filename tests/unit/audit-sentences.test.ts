import { describe, expect, it } from "vitest";
import { clock } from "@/lib/clock";
import { addDays, formatDay } from "@/lib/dates";
import { auditAction } from "@/db/schema";
import { AUDIT_ACTION_LABELS, type AuditActionName, type AuditFacts, auditSentence, isAuditActionName, listOf, NO_ACTOR } from "@/lib/audit-sentences";

// Days stored in an entry's details, from the clock: the point is how they are worded, whatever today is.
const OPENS = addDays(clock.today(), 28);
const CLOSES = addDays(clock.today(), 112);
/** February has no 30th: a stored value that is not a day, in next year's calendar. */
const NOT_A_DAY = `${Number(clock.today().slice(0, 4)) + 1}-02-30`;
const DATES = { opensOn: OPENS, closesOn: CLOSES };

const entry = (action: string, facts: Partial<AuditFacts> = {}): AuditFacts => ({
  action,
  actorName: "Priya Natarajan",
  personName: null,
  personEmail: null,
  cycleName: null,
  actorIsPerson: false,
  details: {},
  ...facts,
});
const aboutCycle = (action: string, details: Record<string, unknown> = {}) => entry(action, { cycleName: "Q1 2027", details });
const aboutPerson = (action: string, details: Record<string, unknown> = {}) =>
  entry(action, { personName: "Daniel Okafor", personEmail: "daniel.okafor@example.com", details });

/** Every action the log records, with an entry as the app writes it and the words it gets. */
const EXPECTED: Record<AuditActionName, { entry: AuditFacts; sentence: string; details: string[] }> = {
  "cycle.create": {
    entry: aboutCycle("cycle.create", { name: "Q1 2027", ...DATES }),
    sentence: "Priya Natarajan created the draft Q1 2027",
    details: ["Name: Q1 2027", `Dates: ${formatDay(OPENS)} – ${formatDay(CLOSES)}`],
  },
  "cycle.update": {
    entry: aboutCycle("cycle.update", { name: "Q1 2027 (sales)", ...DATES }),
    sentence: "Priya Natarajan edited the draft Q1 2027",
    details: ["Name: Q1 2027 (sales)", `Dates: ${formatDay(OPENS)} – ${formatDay(CLOSES)}`],
  },
  "cycle.open": { entry: aboutCycle("cycle.open"), sentence: "Priya Natarajan opened Q1 2027", details: [] },
  "cycle.close": { entry: aboutCycle("cycle.close"), sentence: "Priya Natarajan closed Q1 2027", details: [] },
  "cycle.thresholds": {
    entry: aboutCycle("cycle.thresholds", { from: { k: 3, commentThreshold: 5 }, to: { k: 4, commentThreshold: 5 } }),
    sentence: "Priya Natarajan raised the anonymity thresholds of Q1 2027",
    details: ["Minimum raters (k): 3 → 4", "Minimum commenters: 5, unchanged"],
  },
  "cycle.delete": {
    entry: entry("cycle.delete", { details: { name: "Spare draft", ...DATES } }),
    sentence: "Priya Natarajan deleted the draft Spare draft",
    details: [`Dates: ${formatDay(OPENS)} – ${formatDay(CLOSES)}`],
  },
  "cycle.remind": {
    entry: aboutCycle("cycle.remind"),
    sentence: "Priya Natarajan sent reminders for Q1 2027 to those who had not answered",
    details: [],
  },
  "people.import": {
    entry: entry("people.import", { details: { rows: 52, added: 3, updated: 2, reactivated: 1, moved: 4, deactivated: 1, unchanged: 42 } }),
    sentence: "Priya Natarajan imported the org chart",
    details: ["52 rows: 3 added, 2 updated, 1 reactivated, 4 moved, 1 deactivated, 42 unchanged"],
  },
  "person.create": {
    entry: aboutPerson("person.create", { admin: false, manager: true }),
    sentence: "Priya Natarajan added Daniel Okafor (daniel.okafor@example.com)",
    details: [],
  },
  "person.update": {
    entry: aboutPerson("person.update", { changed: ["name", "manager", "admin"] }),
    sentence: "Priya Natarajan changed the name, manager and administrator access of Daniel Okafor (daniel.okafor@example.com)",
    details: [],
  },
  "person.deactivate": {
    entry: aboutPerson("person.deactivate"),
    sentence: "Priya Natarajan deactivated Daniel Okafor (daniel.okafor@example.com)",
    details: [],
  },
  "person.reactivate": {
    entry: aboutPerson("person.reactivate"),
    sentence: "Priya Natarajan reactivated Daniel Okafor (daniel.okafor@example.com)",
    details: [],
  },
  "invitation.create": {
    entry: aboutPerson("invitation.create", { kind: "invitation", delivery: "shown to the administrator" }),
    sentence: "Priya Natarajan created an invitation link for Daniel Okafor (daniel.okafor@example.com)",
    details: ["Shown to the administrator who created it"],
  },
  "password.reset_request": {
    entry: entry("password.reset_request", {
      actorName: "Daniel Okafor",
      personName: "Daniel Okafor",
      personEmail: "daniel.okafor@example.com",
      actorIsPerson: true,
    }),
    sentence: "Daniel Okafor (daniel.okafor@example.com) asked for a password reset link on the sign-in page",
    details: [],
  },
  "settings.update": {
    entry: entry("settings.update", { details: { from: { k: 3, commentThreshold: 5 }, to: { k: 4, commentThreshold: 6 } } }),
    sentence: "Priya Natarajan changed the anonymity thresholds for cycles opened from now on",
    details: ["Minimum raters (k): 3 → 4", "Minimum commenters: 5 → 6"],
  },
};

describe("the audit log's actions", () => {
  it("are the database's, every one with a label for the filter", () => {
    expect(Object.keys(AUDIT_ACTION_LABELS).sort()).toEqual([...auditAction.enumValues].sort());
    for (const action of auditAction.enumValues) expect(isAuditActionName(action)).toBe(true);
    expect(isAuditActionName("toString")).toBe(false);
  });

  it("have a label each, none of them a code", () => {
    const labels = Object.values(AUDIT_ACTION_LABELS);
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of labels) expect(label).toMatch(/^[A-Z][a-z -]+$/);
  });
});

describe("auditSentence", () => {
  for (const [action, expected] of Object.entries(EXPECTED)) {
    it(`words ${action} as a sentence with its details`, () => {
      expect(auditSentence(expected.entry)).toEqual({ sentence: expected.sentence, details: expected.details });
    });
  }

  it("covers every action", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(AUDIT_ACTION_LABELS).sort());
  });

  it("never shows a code or JSON for any action", () => {
    for (const { entry: facts } of Object.values(EXPECTED)) {
      const { sentence, details } = auditSentence(facts);
      for (const line of [sentence, ...details]) {
        expect(line).not.toMatch(/[{}[\]"]/);
        for (const code of Object.keys(AUDIT_ACTION_LABELS)) expect(line).not.toContain(code);
      }
    }
  });

  it("words a cycle opened alongside others", () => {
    expect(auditSentence(aboutCycle("cycle.open", { alongside: ["Q4 2026"] })).details).toEqual(["Opened alongside Q4 2026, which was still open"]);
    expect(auditSentence(aboutCycle("cycle.open", { alongside: ["Q3 2026", "Q4 2026"] })).details).toEqual([
      "Opened alongside Q3 2026 and Q4 2026, which were still open",
    ]);
  });

  it("says how each sign-in link went out, and words the first administrator's", () => {
    const link = (details: Record<string, unknown>, facts: Partial<AuditFacts> = {}) =>
      auditSentence({ ...aboutPerson("invitation.create", details), ...facts });
    expect(link({ kind: "reset", delivery: "email" })).toEqual({
      sentence: "Priya Natarajan created a password reset link for Daniel Okafor (daniel.okafor@example.com)",
      details: ["Emailed to them"],
    });
    expect(link({ kind: "invitation", delivery: "printed by npm run admin:create", firstAdministrator: true })).toEqual({
      sentence: "Daniel Okafor (daniel.okafor@example.com) was created as the first administrator, with an invitation link",
      details: ["Printed by npm run admin:create"],
    });
    expect(link({ kind: "reset", delivery: "carrier pigeon" }, { actorName: "Daniel Okafor", actorIsPerson: true })).toEqual({
      sentence: "Daniel Okafor created a password reset link for themselves",
      details: ["Delivery: carrier pigeon"],
    });
    expect(link({}).details).toEqual([]);
  });

  it("names the app when nobody acted, and says so when a person or cycle is gone", () => {
    expect(auditSentence({ ...aboutCycle("cycle.close"), actorName: null }).sentence).toBe(`${NO_ACTOR} closed Q1 2027`);
    expect(auditSentence(entry("person.deactivate")).sentence).toBe("Priya Natarajan deactivated someone no longer on record");
    expect(auditSentence(entry("cycle.delete")).sentence).toBe("Priya Natarajan deleted a draft");
    expect(auditSentence(entry("cycle.close")).sentence).toBe("Priya Natarajan closed a cycle no longer on record");
    expect(auditSentence(entry("person.create", { personName: "Ana" })).sentence).toBe("Priya Natarajan added Ana");
  });

  it("says when someone added is an administrator, or has no manager", () => {
    expect(auditSentence(aboutPerson("person.create", { admin: true, manager: false })).details).toEqual([
      "With administrator access",
      "With no manager: at the top of the tree",
    ]);
  });

  it("words a person's change without a list of fields, and fields it does not know", () => {
    expect(auditSentence(aboutPerson("person.update")).sentence).toBe("Priya Natarajan changed Daniel Okafor (daniel.okafor@example.com)");
    expect(auditSentence(aboutPerson("person.update", { changed: ["name", "startDate"] })).sentence).toBe(
      "Priya Natarajan changed the name and start date of Daniel Okafor (daniel.okafor@example.com)",
    );
  });

  it("words thresholds set for the first time, and leaves out what is missing", () => {
    expect(auditSentence(entry("settings.update", { details: { from: {}, to: { k: 5, commentThreshold: 7 } } })).details).toEqual([
      "Minimum raters (k): 5",
      "Minimum commenters: 7",
    ]);
    expect(auditSentence(entry("settings.update", { details: { to: { k: 5 } } })).details).toEqual(["Minimum raters (k): 5"]);
    expect(auditSentence(entry("settings.update")).details).toEqual([]);
  });

  it("words an import however many counts it has", () => {
    const counts = (details: Record<string, unknown>) => auditSentence(entry("people.import", { details })).details;
    expect(counts({ rows: 1, added: 1, updated: 0, reactivated: 0, moved: 0, deactivated: 0, unchanged: 0 })).toEqual([
      "1 row: 1 added, 0 updated, 0 moved, 0 deactivated, 0 unchanged",
    ]);
    expect(counts({ rows: 2 })).toEqual(["2 rows"]);
    expect(counts({ rows: 1 })).toEqual(["1 row"]);
    expect(counts({ added: 2 })).toEqual(["2 added"]);
    expect(counts({})).toEqual([]);
  });

  it("shows a stored day that is not a real one as it is, and leaves out half a date range", () => {
    expect(auditSentence(aboutCycle("cycle.update", { opensOn: NOT_A_DAY, closesOn: CLOSES })).details).toEqual([`Dates: ${NOT_A_DAY} – ${formatDay(CLOSES)}`]);
    expect(auditSentence(aboutCycle("cycle.update", { opensOn: OPENS })).details).toEqual([]);
  });

  it("lists details no action words, in words, never as JSON", () => {
    const { details } = auditSentence(
      aboutCycle("cycle.remind", {
        reminded: 12,
        round_days: [7, 2],
        scheduled: true,
        manual: false,
        note: null,
        empty: [],
        window: { from: OPENS, untilDay: CLOSES },
        nothing: {},
        "dotted.key": "x",
      }),
    );
    expect(details).toEqual([
      "Reminded: 12",
      "Round days: 7, 2",
      "Scheduled: yes",
      "Manual: no",
      "Note: none",
      "Empty: none",
      `Window: from ${OPENS}, until day ${CLOSES}`,
      "Nothing: none",
      "Dotted key: x",
    ]);
  });

  it("words an action it does not know without failing", () => {
    expect(auditSentence(entry("cycle.archive", { details: { reason: "old" } }))).toEqual({
      sentence: "Priya Natarajan: Cycle archive",
      details: ["Reason: old"],
    });
  });
});

describe("listOf", () => {
  it("joins with commas and a final 'and'", () => {
    expect(listOf([])).toBe("");
    expect(listOf(["a"])).toBe("a");
    expect(listOf(["a", "b"])).toBe("a and b");
    expect(listOf(["a", "b", "c"])).toBe("a, b and c");
  });
});
