import { ASPECT_KEYS, type AspectKey, POLES, type Pole } from "@/lib/aspects";
import { describeAbsence, en } from "@/lib/instrument";
import { disagreementSentence, INTERVAL_EXPLANATION, radarSummary, statisticText } from "@/lib/report";
import type { AspectReport, SelfAspect, Thresholds } from "@/lib/scoring";
import type { ClosedReport } from "@/server/dal/report";
import { ChartFigure } from "./chart-figure";
import { DeferredProfileRadarChart } from "./deferred-charts";
import type { RadarDatum } from "./radar-chart";
import { Hidden, namedStatisticText } from "./scores";

function poleText(report: AspectReport, pole: Pole, thresholds: Thresholds): string {
  const score = report[pole];
  const name = en.poles[pole].name;
  return score.shown ? namedStatisticText(name, score) : `${name}: ${describeAbsence(score.reason, thresholds)}`;
}

function selfText(self: SelfAspect | null): string {
  if (!self) return "No self-assessment";
  const value = (rating: number | null) => (rating === null ? "can't say" : String(rating));
  return `Self: managing ${value(self.management)}, leading ${value(self.leadership)}`;
}

function radarData(report: ClosedReport, aspects: Readonly<Record<AspectKey, AspectReport>>): RadarDatum[] {
  const { self } = report.current;
  return ASPECT_KEYS.map((key) => {
    const aspect = aspects[key];
    return {
      aspect: en.aspects[key].name,
      management: aspect.management.shown ? aspect.management.value : null,
      leadership: aspect.leadership.shown ? aspect.leadership.value : null,
      selfManagement: self?.[key].management ?? null,
      selfLeadership: self?.[key].leadership ?? null,
      managementText: poleText(aspect, "management", report.thresholds),
      leadershipText: poleText(aspect, "leadership", report.thresholds),
      selfText: selfText(self?.[key] ?? null),
    };
  });
}

/** The managing and leading profile on the 1–5 scale, after the balance strip. */
export function ProfileRadar({ report }: { report: ClosedReport }) {
  const { team, self } = report.current;
  if (!team.shown) return null;
  return (
    <section aria-labelledby="radar-heading" className="report-section space-y-3">
      <h2 id="radar-heading" className="text-xl font-semibold">
        Managing and leading profile
      </h2>
      <ChartFigure
        id="profile-radar"
        className="report-radar-figure"
        caption="How often the team sees each side, 1 (never) to 5 (always)"
        summary={radarSummary(team.aspects, self, report.thresholds)}
        table={<RadarTable aspects={team.aspects} self={self} thresholds={report.thresholds} />}
      >
        <DeferredProfileRadarChart data={radarData(report, team.aspects)} hasSelf={self !== null} />
      </ChartFigure>
      <ReadingTheNumbers aspects={team.aspects} />
    </section>
  );
}

/** How sure each score is, in words: what the interval means, and where the team is split. */
function ReadingTheNumbers({ aspects }: { aspects: Readonly<Record<AspectKey, AspectReport>> }) {
  const disagreement = disagreementSentence(aspects);
  return (
    <div className="max-w-3xl space-y-1 text-sm text-slate-700">
      <p>{INTERVAL_EXPLANATION}</p>
      {disagreement && <p>{disagreement}</p>}
    </div>
  );
}

function RadarTable({
  aspects,
  self,
  thresholds,
}: {
  aspects: Readonly<Record<AspectKey, AspectReport>>;
  self: Readonly<Record<AspectKey, SelfAspect>> | null;
  thresholds: Thresholds;
}) {
  return (
    <table className="report-table">
      <caption className="sr-only">Managing and leading scores per aspect, with the self-assessment</caption>
      <thead>
        <tr>
          <th scope="col">Aspect</th>
          {POLES.map((pole) => (
            <th key={pole} scope="col">
              {en.poles[pole].name} (n, SD, 95% interval)
            </th>
          ))}
          {self && <th scope="col">Self: managing</th>}
          {self && <th scope="col">Self: leading</th>}
        </tr>
      </thead>
      <tbody>
        {ASPECT_KEYS.map((key) => (
          <tr key={key}>
            <th scope="row">{en.aspects[key].name}</th>
            {POLES.map((pole) => {
              const score = aspects[key][pole];
              return <td key={pole}>{score.shown ? statisticText(score) : <Hidden reason={score.reason} thresholds={thresholds} />}</td>;
            })}
            {self && <td>{self[key].management ?? "can't say"}</td>}
            {self && <td>{self[key].leadership ?? "can't say"}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
