import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ASPECT_KEYS } from "@/lib/aspects";
import { asDisplayed, type TeamRow } from "@/lib/teams/rows";
import {
  applyView,
  DEFAULT_VIEW,
  defaultDirection,
  isFitGapBeyondLimit,
  parseView,
  safeTeamsPath,
  searchKey,
  SORT_KEYS,
  sortRows,
  subTeamIds,
  subTeamOptions,
  viewQuery,
} from "@/lib/teams/view";

const VIEWER = "00000000-0000-4000-8000-000000000000";
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

function row(n: number, name: string, parent: number | null, values: Partial<TeamRow> = {}): TeamRow {
  return {
    id: uuid(n),
    name,
    parentId: parent === null ? VIEWER : uuid(parent),
    parentName: null,
    invited: 10,
    responded: 5,
    shown: true,
    aspects: ASPECT_KEYS.map(() => ({ value: 0, lopsided: false, n: 5 })),
    balance: 0,
    versatility: 3,
    target: 0,
    situations: [],
    fitGap: 0,
    change: null,
    changeIsClear: false,
    lopsided: false,
    commitments: 0,
    followThrough: null,
    ...values,
  };
}

// A director (1) with two managers (2, 3), a second director (4) with one manager (5), and a manager (6) right below the viewer.
const ROWS: TeamRow[] = [
  row(1, "Zoë Director", null, { balance: 0.1, fitGap: 0.1, responded: 9, commitments: 2, followThrough: { shown: true, value: 3.5, n: 4, covered: 2 } }),
  row(2, "Ana Manager", 1, {
    balance: -0.4,
    fitGap: -0.4,
    lopsided: true,
    aspects: ASPECT_KEYS.map((_, i) => ({ value: i === 0 ? -0.4 : 0.1, lopsided: i === 0, n: 5 })),
  }),
  row(3, "Tomás Álvarez", 1, {
    balance: null,
    fitGap: null,
    versatility: null,
    shown: false,
    aspects: ASPECT_KEYS.map(() => null),
    commitments: 1,
    followThrough: { shown: false, reason: "team_below_threshold" },
  }),
  row(4, "Bo Director", null, { balance: 0.3, fitGap: 0.5, target: -0.2, change: 0.2 }),
  row(5, "Cy Manager", 4, {
    balance: 0.2,
    fitGap: -0.3,
    change: -0.1,
    responded: 10,
    commitments: 3,
    followThrough: { shown: false, reason: "below_threshold" },
  }),
  row(6, "ana lower", null, { balance: 0.2, fitGap: 0.2 }),
];

const names = (rows: TeamRow[]) => rows.map((r) => r.name);

describe("parseView and viewQuery", () => {
  it("reads a view from search parameters and writes it back without the defaults", () => {
    const view = parseView({ sort: "fitGap", dir: "asc", sub: uuid(1).toUpperCase(), lopsided: "1", fit: "true", uncommitted: "on", q: "  ana " });
    expect(view).toEqual({ sort: "fitGap", dir: "asc", sub: uuid(1), lopsided: true, fit: true, uncommitted: true, q: "ana", page: 1 });
    expect(viewQuery(view)).toBe(`?sort=fitGap&dir=asc&sub=${uuid(1)}&lopsided=1&fit=1&uncommitted=1&q=ana`);
    expect(viewQuery({ ...view, page: 3 })).toBe(`?sort=fitGap&dir=asc&sub=${uuid(1)}&lopsided=1&fit=1&uncommitted=1&q=ana&page=3`);
    expect(parseView(Object.fromEntries(new URLSearchParams(viewQuery(view).slice(1))))).toEqual(view);
    expect(viewQuery(DEFAULT_VIEW)).toBe("");
    expect(viewQuery({ ...DEFAULT_VIEW, sort: "balance", dir: "desc" })).toBe("?sort=balance");
    expect(viewQuery({ ...DEFAULT_VIEW, sort: "balance", dir: "asc" })).toBe("?sort=balance&dir=asc");
  });

  it("falls back to the default for anything unknown or malformed", () => {
    expect(parseView({ sort: "password", dir: "sideways", sub: "x'; DROP TABLE", lopsided: "yes", uncommitted: "0", q: ["a", "b"] })).toEqual({
      ...DEFAULT_VIEW,
      q: "a",
    });
    expect(parseView({})).toEqual(DEFAULT_VIEW);
    expect(parseView({ q: "x".repeat(500) }).q).toHaveLength(100);
    expect(parseView({ sort: "change" }).dir).toBe("desc");
  });

  it("reads a page as a positive whole number, and anything else as the first page", () => {
    expect(parseView({ page: "7" }).page).toBe(7);
    expect(parseView({ page: ["2", "9"] }).page).toBe(2);
    for (const bad of ["0", "-1", "1.5", "2e3", " 3", "03", "abc", "", "9999999", "0x10"]) expect(parseView({ page: bad }).page, bad).toBe(1);
  });

  it("writes back every view it reads, page included", () => {
    const views = fc.record({
      sort: fc.constantFrom(...SORT_KEYS),
      dir: fc.constantFrom("asc" as const, "desc" as const),
      sub: fc.option(fc.constant(uuid(4))),
      lopsided: fc.boolean(),
      fit: fc.boolean(),
      uncommitted: fc.boolean(),
      q: fc.string({ maxLength: 100 }).map((q) => q.trim()),
      page: fc.integer({ min: 1, max: 999_999 }),
    });
    fc.assert(
      fc.property(views, (view) => {
        expect(parseView(Object.fromEntries(new URLSearchParams(viewQuery(view).slice(1))))).toEqual(view);
      }),
    );
  });

  it("sorts names A to Z and numbers from the largest by default", () => {
    expect(defaultDirection("name")).toBe("asc");
    for (const key of SORT_KEYS.filter((k) => k !== "name")) expect(defaultDirection(key)).toBe("desc");
  });
});

describe("sorting", () => {
  it("sorts by name ignoring case and accents, the same way everywhere", () => {
    expect(names(sortRows(ROWS, "name", "asc"))).toEqual(["ana lower", "Ana Manager", "Bo Director", "Cy Manager", "Tomás Álvarez", "Zoë Director"]);
    expect(names(sortRows(ROWS, "name", "desc"))[0]).toBe("Zoë Director");
    expect(searchKey("Tomás Álvarez")).toBe("tomas alvarez");
  });

  it("sorts by a number with hidden values last in both directions", () => {
    expect(names(sortRows(ROWS, "fitGap", "desc"))).toEqual(["Bo Director", "ana lower", "Zoë Director", "Cy Manager", "Ana Manager", "Tomás Álvarez"]);
    expect(names(sortRows(ROWS, "fitGap", "asc")).at(-1)).toBe("Tomás Álvarez");
    expect(names(sortRows(ROWS, "focus", "asc"))[0]).toBe("Ana Manager");
    expect(names(sortRows(ROWS, "change", "desc")).slice(0, 2)).toEqual(["Bo Director", "Cy Manager"]);
    expect(names(sortRows(ROWS, "responseRate", "desc"))[0]).toBe("Cy Manager");
    expect(names(sortRows(ROWS, "target", "asc"))[0]).toBe("Bo Director");
    expect(names(sortRows(ROWS, "versatility", "asc")).at(-1)).toBe("Tomás Álvarez");
    expect(names(sortRows(ROWS, "balance", "asc"))[0]).toBe("Ana Manager");
  });

  it("breaks ties by name, then id", () => {
    const twins = [row(8, "Same", null), row(7, "Same", null)];
    expect(sortRows(twins, "balance", "desc").map((r) => r.id)).toEqual([uuid(7), uuid(8)]);
    expect(sortRows(twins, "name", "asc").map((r) => r.id)).toEqual([uuid(7), uuid(8)]);
    const hidden = [row(9, "B", null, { balance: null }), row(10, "A", null, { balance: null })];
    expect(names(sortRows(hidden, "balance", "desc"))).toEqual(["A", "B"]);
  });
});

describe("values as shown", () => {
  // Values at and a hair either side of a few places where the rounding shown in the table
  // changes, near 0 and the fit-gap limit: many rows share a shown value that their own values split.
  const near = (digits: number, ...steps: number[]) =>
    fc.tuple(fc.constantFrom(...steps), fc.constantFrom(-1e-4, 0, 1e-4)).map(([step, hair]) => (step + 0.5) / 10 ** digits + hair);
  const twoDigits = near(2, -26, -25, -1, 0, 24, 25);
  const rows = fc.array(
    fc.record({
      balance: fc.option(twoDigits),
      versatility: near(1, 29, 30),
      target: twoDigits,
      fitGap: twoDigits,
      change: fc.option(twoDigits),
      aspect: twoDigits,
    }),
    { minLength: 1, maxLength: 30 },
  );

  it("sorts and filters rows as their rounded copies, so the page can round only the rows it sends", () => {
    fc.assert(
      fc.property(rows, fc.boolean(), (values, fit) => {
        const raw = values.map(({ aspect, ...value }, i) =>
          row(i + 1, `Team ${i % 3}`, null, { ...value, aspects: ASPECT_KEYS.map(() => ({ value: aspect, lopsided: false, n: 5 })) }),
        );
        for (const sort of SORT_KEYS) {
          for (const dir of ["asc", "desc"] as const) {
            const view = { ...DEFAULT_VIEW, sort, dir, fit };
            expect(applyView(raw, view).map((team) => team.id)).toEqual(applyView(raw.map(asDisplayed), view).map((team) => team.id));
          }
        }
      }),
    );
  });
});

describe("filters", () => {
  it("keeps a sub-team: its leader and everyone below them", () => {
    expect([...subTeamIds(ROWS, uuid(1))].sort()).toEqual([uuid(1), uuid(2), uuid(3)]);
    expect(names(applyView(ROWS, { ...DEFAULT_VIEW, sub: uuid(4) }))).toEqual(["Bo Director", "Cy Manager"]);
  });

  it("offers the viewer's direct reports, then the level below each one on the way to the chosen sub-team", () => {
    const top = {
      leader: null,
      options: [
        { id: uuid(6), name: "ana lower", teams: 1 },
        { id: uuid(4), name: "Bo Director", teams: 2 },
        { id: uuid(1), name: "Zoë Director", teams: 3 },
      ],
    };
    expect(subTeamOptions(ROWS, VIEWER, null)).toEqual([top]);
    expect(subTeamOptions(ROWS, VIEWER, uuid(1))).toEqual([
      top,
      {
        leader: "Zoë Director",
        options: [
          { id: uuid(2), name: "Ana Manager", teams: 1 },
          { id: uuid(3), name: "Tomás Álvarez", teams: 1 },
        ],
      },
    ]);
    // A manager of no team opens no level; one below the chosen sub-team keeps the levels above it.
    expect(subTeamOptions(ROWS, VIEWER, uuid(6))).toEqual([top]);
    expect(subTeamOptions(ROWS, VIEWER, uuid(2)).map((level) => level.leader)).toEqual([null, "Zoë Director"]);
    // Someone not below the viewer opens nothing.
    expect(subTeamOptions(ROWS, VIEWER, uuid(99))).toEqual([top]);
  });

  it("offers a bounded list however many teams there are: the tree's breadth, not its size", () => {
    // A viewer over 20 directors of 50 managers each: 1,020 teams.
    const wide: TeamRow[] = [];
    for (let d = 1; d <= 20; d++) {
      wide.push(row(d, `Director ${d}`, null));
      for (let m = 0; m < 50; m++) wide.push(row(1000 + d * 100 + m, `Manager ${d}.${m}`, d));
    }
    const options = (sub: string | null) => subTeamOptions(wide, VIEWER, sub).flatMap((level) => level.options);
    expect(options(null)).toHaveLength(20);
    expect(options(uuid(7))).toHaveLength(70);
    expect(options(null)[0]!.teams).toBe(51);
  });

  it("keeps lopsided teams, teams with a fit gap beyond ±0.25, and name matches", () => {
    expect(names(applyView(ROWS, { ...DEFAULT_VIEW, lopsided: true }))).toEqual(["Ana Manager"]);
    expect(names(applyView(ROWS, { ...DEFAULT_VIEW, fit: true }))).toEqual(["Ana Manager", "Bo Director", "Cy Manager"]);
    expect(names(applyView(ROWS, { ...DEFAULT_VIEW, q: "ANA" }))).toEqual(["ana lower", "Ana Manager", "Cy Manager"]);
    expect(names(applyView(ROWS, { ...DEFAULT_VIEW, q: "alvarez" }))).toEqual(["Tomás Álvarez"]);
    expect(names(applyView(ROWS, { ...DEFAULT_VIEW, sub: uuid(1), q: "ana", sort: "balance" }))).toEqual(["Ana Manager"]);
  });

  it("keeps the teams whose manager made no commitment, whatever is shown of the others' follow-through", () => {
    expect(names(applyView(ROWS, { ...DEFAULT_VIEW, uncommitted: true }))).toEqual(["ana lower", "Ana Manager", "Bo Director"]);
    expect(names(applyView(ROWS, { ...DEFAULT_VIEW, uncommitted: true, sub: uuid(1) }))).toEqual(["Ana Manager"]);
    expect(names(applyView(ROWS, { ...DEFAULT_VIEW, uncommitted: true, lopsided: true }))).toEqual(["Ana Manager"]);
  });

  it("treats exactly ±0.25 as within the limit", () => {
    expect(isFitGapBeyondLimit(0.25)).toBe(false);
    expect(isFitGapBeyondLimit(-0.2500001)).toBe(true);
    expect(isFitGapBeyondLimit(null)).toBe(false);
  });
});

describe("safeTeamsPath", () => {
  it("accepts only links back to a teams view", () => {
    expect(safeTeamsPath("/teams")).toBe("/teams");
    expect(safeTeamsPath(`/teams/${uuid(1)}?sort=fitGap&q=a`)).toBe(`/teams/${uuid(1)}?sort=fitGap&q=a`);
    expect(safeTeamsPath(["/teams?q=x", "/other"])).toBe("/teams?q=x");
    for (const bad of ["//evil.example/teams", "https://evil.example", "/teams/../admin", "/admin", "/teams\\evil", undefined, ""]) {
      expect(safeTeamsPath(bad)).toBeNull();
    }
  });
});
