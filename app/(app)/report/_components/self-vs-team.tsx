import { ScrollRegion } from "@/app/_components/scroll-region";
import { ASPECT_KEYS, POLES } from "@/lib/aspects";
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
                <th scope="col">Aspect</th>
                <th scope="col">Side</th>
                {team.shown && (
                  <>
                    <th scope="col">Team</th>
                    <th scope="col">n</th>
                    <th scope="col">SD</th>
                    <th scope="col">95% interval</th>
                  </>
                )}
                {self && <th scope="col">Self</th>}
                {team.shown && self && (
                  <>
                    <th scope="col">Self − team</th>
                    <th scope="col">Reading</th>
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
                        <th scope="rowgroup" rowSpan={POLES.length}>
                          {en.aspects[key].name}
                        </th>
                      )}
                      <th scope="row">{en.poles[pole].name}</th>
                      {score &&
                        (score.shown ? (
                          <>
                            <td>{formatScore(score.value)}</td>
                            <td>{score.n}</td>
                            <td>{sdText(score)}</td>
                            <td>{intervalText(score)}</td>
                          </>
                        ) : (
                          <td colSpan={4}>
                            <Hidden reason={score.reason} thresholds={report.thresholds} />
                          </td>
                        ))}
                      {self && <td>{selfValue ?? "can't say"}</td>}
                      {team.shown && self && (
                        <>
                          <td>{gap ? formatSigned(gap.gap) : "—"}</td>
                          <td>{badge && <span className={`rounded-full border px-2 py-0.5 text-xs font-medium ${badge.className}`}>{badge.label}</span>}</td>
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
