import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectUncheckedRows } from "@/tests/support/raw";
import { cycles } from "@/db/schema";
import { DEMO_TEAMS } from "@/server/internal/seed/demo-org";
import { ASPECT_KEYS, type AspectKey } from "@/lib/aspects";
import { en } from "@/lib/instrument";
import { BalanceStrip } from "@/app/(app)/report/_components/balance-strip";
import { ClosedReportView } from "@/app/(app)/report/_components/report-view";
import { SelfVsTeam } from "@/app/(app)/report/_components/self-vs-team";
import { type ClosedReport, loadReport } from "@/server/dal/report";
import { loadViewer } from "@/server/internal/viewer";
import type { TestDatabase } from "../support/database";
import { createDemoDatabase, DEMO_CYCLES } from "../support/demo";
import { render, tableRows, text } from "../support/markup";

let database: TestDatabase;
const ids = new Map<string, string>();

beforeAll(async () => {
  database = await createDemoDatabase({ people: ids });
}, 120_000);
afterAll(() => database.dispose());

async function ownReport(name: string, cycleName?: string): Promise<ClosedReport> {
  const viewer = (await loadViewer(database.db, ids.get(name)!))!;
  const [cycle] = cycleName
    ? await database.db
        .select({ id: cycles.id })
        .from(cycles)
        .where(sql`${cycles.name} = ${cycleName}`)
    : [];
  const report = await loadReport(database.db, viewer, { cycleId: cycle?.id });
  if (report.status !== "closed") expect.fail(`${name} has no closed report`);
  return report;
}

/** The balance strip's "Show as table" twin: its table follows the strip's own markup. */
const balanceTable = (report: ClosedReport) => tableRows(/<table[\s\S]*$/.exec(render(BalanceStrip, report))![0]);

interface Expected {
  aspect: AspectKey;
  m_n: number;
  m_mean: string;
  l_n: number;
  l_mean: string;
  need_n: number;
  need_mean: string;
}

/** The means, straight from the responses, rounded by PostgreSQL's numeric round (half away from zero). */
async function expectedFromSql(managerId: string, cycleId: string) {
  const aspects = await selectUncheckedRows<Expected>(
    database.db,
    sql`SELECT a.aspect::text AS aspect,
        count(a.management)::int AS m_n, round(avg(a.management)::numeric, 1)::text AS m_mean,
        count(a.leadership)::int AS l_n, round(avg(a.leadership)::numeric, 1)::text AS l_mean,
        count(a.need)::int AS need_n, round(avg(a.need)::numeric, 1)::text AS need_mean
      FROM responses r JOIN response_answers a ON a.response_id = r.id
      WHERE r.manager_id = ${managerId} AND r.cycle_id = ${cycleId}
      GROUP BY a.aspect`,
  );
  const [team] = await selectUncheckedRows<{ respondents: number }>(
    database.db,
    sql`SELECT count(*)::int AS respondents FROM responses WHERE manager_id = ${managerId} AND cycle_id = ${cycleId}`,
  );
  return { respondents: team!.respondents, aspects: new Map(aspects.map((row) => [row.aspect, row])) };
}

/** PostgreSQL's "-0.5" as the report writes it: a typographic minus, and a plus when asked. */
const typographic = (value: string, signed = false) => (value.startsWith("-") ? `\u2212${value.slice(1)}` : signed && Number(value) > 0 ? `+${value}` : value);

const FEWER_THAN_K = "Not shown: fewer than 3 answers.";
const managers = DEMO_TEAMS.filter((team) => !team.summary.includes("below")).map((team) => team.manager);

describe("the report's numbers", () => {
  it.each(managers)("match an independent SQL computation for %s", async (name) => {
    const report = await ownReport(name);
    const expected = await expectedFromSql(ids.get(name)!, report.cycle.id);
    expect(report.current.team.shown && report.current.team.respondents).toBe(expected.respondents);

    // Self vs team: one row per aspect and side; the first row of each aspect starts with its name.
    const rows = tableRows(render(SelfVsTeam, report));
    expect(rows[0]!.slice(0, 6)).toEqual(["Aspect", "Side", "Team", "n", "SD", "95% interval"]);
    let aspect: AspectKey = ASPECT_KEYS[0];
    let checked = 0;
    for (const row of rows.slice(1)) {
      const named = ASPECT_KEYS.find((key) => en.aspects[key].name === row[0]);
      if (named) aspect = named;
      const [side, team, n] = named ? row.slice(1) : row;
      const want = expected.aspects.get(aspect)!;
      const [wantN, wantMean] = side === "Managing" ? [want.m_n, want.m_mean] : [want.l_n, want.l_mean];
      if (wantN >= 3) expect([aspect, side, team, n]).toEqual([aspect, side, typographic(wantMean), String(wantN)]);
      else expect([aspect, side, team]).toEqual([aspect, side, FEWER_THAN_K]);
      checked++;
    }
    expect(checked).toBe(14);

    // Team need, in the balance strip's table: mean (signed), n.
    for (const row of balanceTable(report).slice(1)) {
      const key = ASPECT_KEYS.find((k) => en.aspects[k].name === row[0])!;
      const want = expected.aspects.get(key)!;
      if (want.need_n >= 3) expect([key, row[3], row[4]]).toEqual([key, typographic(want.need_mean, true), String(want.need_n)]);
      else expect([key, row[3]]).toEqual([key, FEWER_THAN_K]);
    }
  });

  it("shows the reason, not a number, for a pole below k on one aspect", async () => {
    const report = await ownReport("Liam O'Brien");
    const expected = await expectedFromSql(ids.get("Liam O'Brien")!, report.cycle.id);
    expect(expected.aspects.get("conflict_resolution")!.l_n).toBeLessThan(3);
    expect(report.current.team.shown && report.current.team.aspects.conflict_resolution.leadership).toEqual({
      shown: false,
      reason: "below_threshold",
    });

    const rows = tableRows(render(SelfVsTeam, report));
    const leading = rows[rows.findIndex((row) => row[0] === "Conflict resolution") + 1]!;
    expect(leading.slice(0, 2)).toEqual(["Leading", FEWER_THAN_K]);
    const strip = render(BalanceStrip, report);
    expect(text(strip)).toContain(`Leading: ${FEWER_THAN_K}`);
    const balanceRow = balanceTable(report).find((row) => row[0] === "Conflict resolution")!;
    expect(balanceRow[1]).toBe(`Leading: ${FEWER_THAN_K}`);
  });
});

describe("a team below k", () => {
  it("shows no team score at all, only the reason and the self-assessment", async () => {
    const hannah = DEMO_TEAMS.find((team) => team.summary.includes("below"))!.manager;
    for (const cycle of [DEMO_CYCLES.oldest, DEMO_CYCLES.previous, DEMO_CYCLES.latestClosed]) {
      const report = await ownReport(hannah, cycle);
      expect(report.current.team).toEqual({ shown: false, reason: "team_below_threshold" });
      expect(report.comments).toBeNull();
      const html = render(ClosedReportView, report);
      expect(text(html)).toContain("Not shown: fewer than 3 people answered.");
      const rows = tableRows(html);
      expect(rows[0]).toEqual(["Aspect", "Side", "Self"]);
      expect(rows.slice(1).every((row) => /^[1-5]$|^can't say$/.test(row[row.length - 1]!))).toBe(true);
      for (const heading of ["Balance per aspect", "Managing and leading profile", "What to practise next", "Comments", "Trend"]) {
        expect(html).not.toContain(heading);
      }
    }
  });
});

/**
 * Each data cell of the self-vs-team table with the header ids HTML_CodeSniffer expects
 * (H43): the headers of its columns, of its aspect and of its side, walking the table's grid.
 */
function cellHeaders(html: string): { headers: string; expected: string }[] {
  const table = /<table[\s\S]*?<\/table>/.exec(html)![0];
  const attribute = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];
  const [head, ...bodies] = table.split(/<tbody[^>]*>/);
  const columns = [...head!.matchAll(/<th(?=[\s>])[^>]*>/g)].map(([tag]) => attribute(tag, "id"));
  expect(columns.every((id) => id !== undefined)).toBe(true);
  return bodies.flatMap((body) => {
    let aspect: string | undefined;
    return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].flatMap(([, row], index) => {
      // The aspect's header spans both rows of its group: the second row starts one column in.
      let column = index === 0 ? 0 : 1;
      let side: string | undefined;
      return [...row!.matchAll(/<(th|td)(?=[\s>])([^>]*)>/g)].flatMap(([tag, name]) => {
        const span = Number(attribute(tag, "colSpan") ?? attribute(tag, "colspan") ?? 1);
        const at = column;
        column += span;
        if (name === "th") {
          const id = attribute(tag, "id");
          expect(id).toBeDefined();
          if (attribute(tag, "scope") === "rowgroup") aspect = id;
          else side = id;
          return [];
        }
        const expected = [...columns.slice(at, at + span), aspect, side].sort().join(" ");
        return [{ headers: (attribute(tag, "headers") ?? "").split(" ").sort().join(" "), expected }];
      });
    });
  });
}

describe("the self-vs-team table's headers", () => {
  it.each(["Daniel Okafor", "Liam O'Brien", "Hannah Schmidt"])("name every data cell's column, aspect and side for %s", async (name) => {
    const cells = cellHeaders(render(SelfVsTeam, await ownReport(name)));
    expect(cells.length).toBeGreaterThanOrEqual(ASPECT_KEYS.length * 2);
    for (const { headers, expected } of cells) expect(headers).toBe(expected);
  });
});
