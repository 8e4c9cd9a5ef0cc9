import { BalanceStrip } from "@/app/(app)/report/_components/balance-strip";
import { FollowThroughSection } from "@/app/(app)/report/_components/follow-through-section";
import { ProfileRadar } from "@/app/(app)/report/_components/profile-radar";
import { SelfVsTeam } from "@/app/(app)/report/_components/self-vs-team";
import { TrendSection } from "@/app/(app)/report/_components/trend-section";
import { ASPECT_KEYS, POLES } from "@/lib/aspects";
import { en } from "@/lib/instrument";
import type { ClosedReport } from "@/server/dal/report";
import { paragraphsIn, render, tablesIn, text } from "../markup";
import type { Comparison } from "./comparison";
import { aspectName, changeCellText, changeText, fewerAnswers, fewerPeople, intervalText, NO_ASPECT, signed, statisticText, typographic } from "./display";
import { type ChangeRow, type Expected, type FollowThroughRow, key, type TeamRow } from "./expected-sql";

// The expected tables of one report, and their comparison with the report's components
// rendered to markup.

/** One manager in one closed cycle, and the cycles before it in their report. */
export interface ReportCase {
  team: TeamRow;
  /** The closed cycles the trend shows, oldest first, this one last. */
  trend: TeamRow[];
  expected: Expected;
}

function selfOf({ team, expected }: ReportCase) {
  const rows = ASPECT_KEYS.map((aspect) => expected.self.get(key(team.cycleId, team.managerId, aspect)));
  return rows.some((row) => row !== undefined) ? rows : null;
}

function selfVsTeamTable(report: ReportCase): string[][] | null {
  const { team, expected } = report;
  const self = selfOf(report);
  if (!team.shown && !self) return null;
  const header = ["Aspect", "Side", ...(team.shown ? ["Team", "n", "SD", "95% interval"] : []), ...(self ? ["Self"] : [])];
  if (team.shown && self) header.push("Self − team", "Reading");
  const rows = ASPECT_KEYS.flatMap((aspect, a) =>
    POLES.map((pole, p) => {
      const stat = expected.stat.get(key(team.cycleId, team.managerId, aspect, pole));
      const own = self?.[a]?.[pole] ?? null;
      const cells = p === 0 ? [aspectName(aspect)] : [];
      cells.push(en.poles[pole].name);
      if (team.shown) cells.push(...(stat?.shown ? [typographic(stat.mean), String(stat.n), stat.sd, intervalText(stat)] : [fewerAnswers(team.k)]));
      if (self) cells.push(own === null ? "can't say" : String(own));
      if (team.shown && self) {
        const compared = stat?.shown && own !== null;
        cells.push(compared ? signed(stat.gap!) : "—", compared ? (stat.blindSpot ? "Blind spot" : stat.hiddenStrength ? "Hidden strength" : "") : "");
      }
      return cells;
    }),
  );
  return [header, ...rows];
}

function radarTable(report: ReportCase): string[][] {
  const { team, expected } = report;
  const self = selfOf(report);
  const header = ["Aspect", ...POLES.map((pole) => `${en.poles[pole].name} (n, SD, 95% interval)`), ...(self ? ["Self: managing", "Self: leading"] : [])];
  const rows = ASPECT_KEYS.map((aspect, a) => [
    aspectName(aspect),
    ...POLES.map((pole) => {
      const stat = expected.stat.get(key(team.cycleId, team.managerId, aspect, pole));
      return stat?.shown ? statisticText(stat) : fewerAnswers(team.k);
    }),
    ...(self ? POLES.map((pole) => String(self[a]?.[pole] ?? "can't say")) : []),
  ]);
  return [header, ...rows];
}

function balanceTable(report: ReportCase): string[][] {
  const { team, expected } = report;
  const self = selfOf(report);
  const withTarget = team.marked > 0;
  const header = ["Aspect", "Balance b", "Self-view b", "Team need (−2 … +2)", "n", "SD", "95% interval", ...(withTarget ? ["Target T"] : [])];
  const rows = ASPECT_KEYS.map((aspect, a) => {
    const balance = expected.aspect.get(key(team.cycleId, team.managerId, aspect));
    const need = expected.stat.get(key(team.cycleId, team.managerId, aspect, "need"));
    // A hidden b names each hidden pole and why.
    const reason = POLES.filter((pole) => !expected.stat.get(key(team.cycleId, team.managerId, aspect, pole))?.shown)
      .map((pole) => `${en.poles[pole].name}: ${fewerAnswers(team.k)}`)
      .join("");
    const selfB = self?.[a]?.b ?? null;
    return [
      aspectName(aspect),
      balance?.shown ? signed(balance.b) : reason,
      selfB === null ? "not rated" : signed(selfB),
      ...(need?.shown ? [signed(need.mean), String(need.n), need.sd, intervalText(need)] : [fewerAnswers(team.k)]),
      ...(withTarget ? [signed(team.target)] : []),
    ];
  });
  return [header, ...rows];
}

function trendTable({ team, trend }: ReportCase): string[][] {
  const rows = trend.map((cycle) =>
    cycle.shown
      ? [
          cycle.cycleName,
          cycle.balance === null ? NO_ASPECT : signed(cycle.balance),
          cycle.versatility === null ? NO_ASPECT : cycle.versatility,
          `${cycle.respondents} of ${cycle.invited}`,
        ]
      : [cycle.cycleName, fewerPeople(team.k)],
  );
  return [["Cycle", "Overall balance B", "Versatility", "Answered"], ...rows];
}

function changeTable({ team, trend, expected }: ReportCase): string[][] {
  const previous = trend.at(-2)!;
  const change = (what: ChangeRow["what"], aspect: string) =>
    changeCellText(expected.change.get(key(team.managerId, team.cycleId, previous.cycleId, what, aspect)));
  return [
    ["Aspect", "Managing M", "Leading L", "Balance b"],
    ...ASPECT_KEYS.map((aspect) => [aspectName(aspect), change("management", aspect), change("leadership", aspect), change("balance", aspect)]),
  ];
}

/** "Since Q1: overall balance +0.12, no clear change (…); versatility …." */
function latestChangeSentence({ team, trend, expected }: ReportCase): string {
  const previous = trend.at(-2)!;
  const overall = (what: "B" | "V") => {
    const change = expected.change.get(key(team.managerId, team.cycleId, previous.cycleId, what, ""));
    return change ? changeText(change) : "not shown in one of the two cycles";
  };
  return `Since ${previous.cycleName}: overall balance ${overall("B")}; versatility ${overall("V")}.`;
}

/** Fewer than half of this cycle's respondents answered the previous one too; null unless both teams met k. */
function respondentsChanged({ team, trend, expected }: ReportCase): boolean | null {
  const previous = trend.at(-2);
  if (!previous || !previous.shown || !team.shown) return null;
  const returning = expected.returning.get(key(team.managerId, team.cycleId, previous.cycleId)) ?? 0;
  return 2 * returning < team.respondents;
}

/** The rating scale's words, typed here: a mean reads as the word of the whole number nearest its display. */
const SCALE_WORDS = ["never", "rarely", "sometimes", "often", "always"];
const DIRECTION_WORDS = { more_managing: "More managing", more_leading: "More leading", build_both: "Build both" } as const;
const POLES_OF = { more_managing: ["management"], more_leading: ["leadership"], build_both: ["management", "leadership"] } as const;

/** What the follow-through section says of one commitment: its place, how often it was seen, the numbers, and how its poles moved. */
function followThroughTexts(row: FollowThroughRow, team: TeamRow, expected: Expected) {
  const seen = !row.teamShown
    ? fewerPeople(row.k)
    : !row.shown
      ? fewerAnswers(row.k)
      : `Your team saw it ${SCALE_WORDS[Math.round(Number(row.mean)) - 1]} (${row.mean} of 5).`;
  const numbers = row.shown
    ? `Seen ${statisticText({ mean: row.mean!, n: row.n, sd: row.sd!, low: row.low!, high: row.high!, cut: row.cut!, same: row.same! } as Parameters<typeof statisticText>[0])}.`
    : null;
  const moved = POLES_OF[row.direction].map((pole) => {
    const change = expected.change.get(key(team.managerId, team.cycleId, row.sinceId, pole, row.aspect));
    const what = `${en.poles[pole].name} on ${aspectName(row.aspect)} since ${row.sinceName}`;
    return change ? `${what}: ${changeText(change)}.` : `${what}: not shown, because one of the two cycles does not show it.`;
  });
  return { placement: `${aspectName(row.aspect)} · ${DIRECTION_WORDS[row.direction]}`, seen, numbers, moved };
}

function compareFollowThrough(compare: Comparison, where: string, report: ClosedReport, { team, expected }: ReportCase): void {
  const rows = expected.followThrough.filter((row) => row.cycleId === team.cycleId && row.managerId === team.managerId);
  const cards = render(FollowThroughSection, report).split('<li class="report-card').slice(1);
  compare.same(`${where}, follow-through: commitments`, String(cards.length), String(rows.length));
  rows.forEach((row, index) => {
    const card = cards[index] ?? "";
    const paragraphs = paragraphsIn(card);
    const wanted = followThroughTexts(row, team, expected);
    const label = `${where}, follow-through ${row.position}`;
    compare.same(`${label}: aspect and direction`, paragraphs[1], wanted.placement);
    compare.same(`${label}: seen`, paragraphs[2], wanted.seen);
    if (wanted.numbers) compare.same(`${label}: numbers`, paragraphs[3]?.slice(0, wanted.numbers.length), wanted.numbers);
    const moved = [...card.matchAll(/<li>([\s\S]*?)<\/li>/g)].map(([, item]) => text(item!));
    compare.same(`${label}: moved`, moved.join(" | "), wanted.moved.join(" | "));
  });
}

export function compareReport(compare: Comparison, where: string, report: ClosedReport, expected: ReportCase): void {
  const { team, trend } = expected;
  compareFollowThrough(compare, where, report, expected);
  const selfVsTeam = selfVsTeamTable(expected);
  const selfTables = tablesIn(render(SelfVsTeam, report));
  if (selfVsTeam) compare.table(`${where}, self vs team`, selfTables[0], selfVsTeam);
  else compare.same(`${where}, self vs team tables`, String(selfTables.length), "0");

  const radar = render(ProfileRadar, report);
  const strip = render(BalanceStrip, report);
  const trendHtml = render(TrendSection, report);
  if (!team.shown) {
    // A team below k shows no score at all.
    for (const [name, html] of [
      ["radar", radar],
      ["balance strip", strip],
      ["trend", trendHtml],
    ] as const) {
      if (html !== "") compare.mismatches.push(`${where}: the ${name} is shown for a team below k`);
    }
    return;
  }
  compare.table(`${where}, radar table`, tablesIn(radar)[0], radarTable(expected));
  compare.table(`${where}, balance table`, tablesIn(strip)[0], balanceTable(expected));

  const [trendRows, changeRows] = tablesIn(trendHtml);
  compare.table(`${where}, trend table`, trendRows, trendTable(expected));
  const paragraphs = paragraphsIn(trendHtml);
  const previous = trend.at(-2);
  if (!previous) {
    compare.same(
      `${where}, change per aspect`,
      paragraphs.find((p) => p.startsWith("There is no earlier")),
      "There is no earlier closed cycle to compare with.",
    );
  } else if (!previous.shown) {
    compare.same(
      `${where}, change per aspect`,
      paragraphs.find((p) => p.startsWith("No change per aspect")),
      `No change per aspect since ${previous.cycleName}: ${fewerPeople(team.k)}`,
    );
  } else {
    compare.table(`${where}, change per aspect since ${previous.cycleName}`, changeRows, changeTable(expected));
    compare.same(
      `${where}, change in B and versatility`,
      paragraphs.find((p) => p.startsWith("Since ")),
      latestChangeSentence(expected),
    );
  }
  compare.same(`${where}, respondents changed`, String(report.respondentsChanged), String(respondentsChanged(expected)));
}
