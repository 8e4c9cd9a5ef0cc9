import { ScrollRegion } from "@/app/_components/scroll-region";
import type { ReactNode } from "react";
import { ASPECT_KEYS, type AspectKey, type Pole, POLES } from "@/lib/aspects";
import { formatScore, formatSigned } from "@/lib/format";
import { en } from "@/lib/instrument";
import { comparePole, intervalText, sdText } from "@/lib/report";
import { SELF_GAP_THRESHOLD, type SelfGapKind } from "@/lib/scoring";
import type { ClosedReport } from "@/server/dal/report";
import { Hidden } from "./scores";

const BADGES: Record<Exclude<SelfGapKind, "aligned">, { label: string; className: string }> = {
  blind_spot: { label: "Blind spot", className: "bg-amber-100 text-amber-950 border-amber-300" },
  hidden_strength: { label: "Hidden strength", className: "bg-sky-100 text-sky-950 border-sky-300" },
};

/** The table's columns, whose header ids the data cells name in `headers`. */
type Column = "aspect" | "side" | "team" | "n" | "sd" | "interval" | "self" | "gap" | "reading";
const TEAM_COLUMNS: readonly Column[] = ["team", "n", "sd", "interval"];

const columnId = (column: Column) => `self-vs-team-${column}`;
const aspectId = (aspect: AspectKey) => `self-vs-team-${aspect}`;
const sideId = (aspect: AspectKey, pole: Pole) => `self-vs-team-${aspect}-${pole}`;

/**
 * The header ids of a data cell: its columns, its aspect and its side. The table has two
 * levels of row headers (aspect, then side), which `scope` alone leaves ambiguous to some
 * checkers (HTML_CodeSniffer H43), so every cell names its headers.
 */
function headersOf(aspect: AspectKey, pole: Pole, ...columns: Column[]): string {
  return [...columns.map(columnId), aspectId(aspect), sideId(aspect, pole)].join(" ");
}

function ColumnHeader({ column, children }: { column: Column; children: ReactNode }) {
  return (
    <th scope="col" id={columnId(column)}>
      {children}
    </th>
  );
}

/**
 * Per aspect and pole: the team's score with n and interval, the self rating and the gap,
 * with a badge where they differ by a point or more. When the team is below k, only the
 * self-assessment is there to show.
 */
export function SelfVsTeam({ report }: { report: ClosedReport }) {
  const { team, self } = report.current;
  const own = report.manager.isViewer;
  return (
    <section aria-labelledby="self-heading" className="report-section space-y-3">
      <h2 id="self-heading" className="text-xl font-semibold">
        {team.shown ? (own ? "Your view and your team's" : "Self-view and the team's view") : own ? "Your self-assessment" : "Self-assessment"}
      </h2>
      {team.shown && (
        <p className="text-sm text-slate-700">
          A <strong>blind spot</strong> is a self rating at least {SELF_GAP_THRESHOLD} point above the team&apos;s average; a <strong>hidden strength</strong>{" "}
          is at least {SELF_GAP_THRESHOLD} point below it.
          {self === null && " There is no self-assessment for this cycle."}
        </p>
      )}
      {!team.shown && self === null && <p>There is no self-assessment for this cycle either.</p>}
      {(team.shown || self !== null) && (
        <ScrollRegion label="Your view and your team's, as a table">
          <table className="report-table" id="self-vs-team-table">
            <caption className="sr-only">
              {team.shown ? "Self rating compared with the team's score, per aspect and side" : "Self-assessment per aspect and side"}
            </caption>
            <thead>
              <tr>
                <ColumnHeader column="aspect">Aspect</ColumnHeader>
                <ColumnHeader column="side">Side</ColumnHeader>
                {team.shown && (
                  <>
                    <ColumnHeader column="team">Team</ColumnHeader>
                    <ColumnHeader column="n">n</ColumnHeader>
                    <ColumnHeader column="sd">SD</ColumnHeader>
                    <ColumnHeader column="interval">95% interval</ColumnHeader>
                  </>
                )}
                {self && <ColumnHeader column="self">Self</ColumnHeader>}
                {team.shown && self && (
                  <>
                    <ColumnHeader column="gap">Self − team</ColumnHeader>
                    <ColumnHeader column="reading">Reading</ColumnHeader>
                  </>
                )}
              </tr>
            </thead>
            {ASPECT_KEYS.map((key) => (
              <tbody key={key}>
                {POLES.map((pole, index) => {
                  const {
                    team: score,
                    self: selfValue,
                    gap,
                  } = team.shown ? comparePole(team.aspects[key], self?.[key] ?? null, pole) : { team: null, self: self?.[key][pole] ?? null, gap: null };
                  const badge = gap && gap.kind !== "aligned" ? BADGES[gap.kind] : null;
                  return (
                    <tr key={pole}>
                      {index === 0 && (
                        <th scope="rowgroup" rowSpan={POLES.length} id={aspectId(key)}>
                          {en.aspects[key].name}
                        </th>
                      )}
                      <th scope="row" id={sideId(key, pole)}>
                        {en.poles[pole].name}
                      </th>
                      {score &&
                        (score.shown ? (
                          <>
                            <td headers={headersOf(key, pole, "team")}>{formatScore(score.value)}</td>
                            <td headers={headersOf(key, pole, "n")}>{score.n}</td>
                            <td headers={headersOf(key, pole, "sd")}>{sdText(score)}</td>
                            <td headers={headersOf(key, pole, "interval")}>{intervalText(score)}</td>
                          </>
                        ) : (
                          <td colSpan={TEAM_COLUMNS.length} headers={headersOf(key, pole, ...TEAM_COLUMNS)}>
                            <Hidden reason={score.reason} thresholds={report.thresholds} />
                          </td>
                        ))}
                      {self && <td headers={headersOf(key, pole, "self")}>{selfValue ?? "can't say"}</td>}
                      {team.shown && self && (
                        <>
                          <td headers={headersOf(key, pole, "gap")}>{gap ? formatSigned(gap.gap) : "—"}</td>
                          <td headers={headersOf(key, pole, "reading")}>
                            {badge && <span className={`rounded-full border px-2 py-0.5 text-xs font-medium ${badge.className}`}>{badge.label}</span>}
                          </td>
                        </>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            ))}
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
