import { ScrollRegion } from "@/app/_components/scroll-region";
import { ASPECT_KEYS } from "@/lib/aspects";
import { formatScore, formatSigned } from "@/lib/format";
import { en } from "@/lib/instrument";
import {
  balanceChange,
  type Change,
  changeCellText,
  changeSince,
  changeText,
  type LatestChange,
  respondentsChangedSentence,
  trendSummary,
  versatilityChange,
} from "@/lib/report";
import type { ClosedReport, CycleResult } from "@/server/dal/report";
import { ChartFigure } from "./chart-figure";
import { Hidden } from "./scores";
import { DeferredTrendChart } from "./deferred-charts";
import type { TrendDatum } from "./trend-charts";

function trendData(trend: CycleResult[], k: number): TrendDatum[] {
  return trend.map(({ cycle, team }) => {
    const balance = team.shown && team.balance.shown ? team.balance.value : null;
    const versatility = team.shown && team.versatility.shown ? team.versatility.value : null;
    return {
      cycle: cycle.name,
      balance,
      versatility,
      balanceText: balance === null ? "not shown" : formatSigned(balance, 2),
      versatilityText: versatility === null ? "not shown" : formatScore(versatility),
      respondentsText: team.shown ? `${team.respondents} of ${cycle.invited} answered` : `fewer than ${k} answered`,
    };
  });
}

/** The selected cycle against the one before it, when both show results. */
function latestChange(report: ClosedReport): LatestChange | null {
  const previous = report.trend[report.trend.length - 2];
  const { team } = report.current;
  if (!previous?.team.shown || !team.shown) return null;
  return {
    since: previous.cycle.name,
    balance: balanceChange(previous.team, team),
    versatility: versatilityChange(previous.team, team),
    respondentsChanged: report.respondentsChanged,
  };
}

/** Overall balance and versatility per closed cycle, and how each aspect moved since the cycle before. */
export function TrendSection({ report }: { report: ClosedReport }) {
  if (!report.current.team.shown) return null;
  const data = trendData(report.trend, report.thresholds.k);
  const latest = latestChange(report);
  return (
    <section aria-labelledby="trend-heading" className="report-section space-y-3">
      <h2 id="trend-heading" className="text-xl font-semibold">
        Trend
      </h2>
      <ChartFigure
        id="trend"
        caption="Overall balance and versatility per closed cycle"
        summary={trendSummary(data.map((point) => ({ label: point.cycle, balance: point.balance, versatility: point.versatility })))}
        table={<TrendTable report={report} />}
      >
        <div className="flex flex-wrap gap-6">
          <DeferredTrendChart data={data} series="balance" />
          <DeferredTrendChart data={data} series="versatility" />
        </div>
      </ChartFigure>
      {latest && <LatestChangeNote latest={latest} />}
      <ChangeTable report={report} />
    </section>
  );
}

function TrendTable({ report }: { report: ClosedReport }) {
  return (
    <table className="report-table">
      <caption className="sr-only">Overall balance and versatility per closed cycle</caption>
      <thead>
        <tr>
          <th scope="col">Cycle</th>
          <th scope="col">Overall balance B</th>
          <th scope="col">Versatility</th>
          <th scope="col">Answered</th>
        </tr>
      </thead>
      <tbody>
        {report.trend.map(({ cycle, team }) => (
          <tr key={cycle.id}>
            <th scope="row">{cycle.name}</th>
            {team.shown ? (
              <>
                <td>{team.balance.shown ? formatSigned(team.balance.value, 2) : <Hidden reason={team.balance.reason} thresholds={report.thresholds} />}</td>
                <td>
                  {team.versatility.shown ? formatScore(team.versatility.value) : <Hidden reason={team.versatility.reason} thresholds={report.thresholds} />}
                </td>
                <td>
                  {team.respondents} of {cycle.invited}
                </td>
              </>
            ) : (
              <td colSpan={3}>
                <Hidden reason={team.reason} thresholds={report.thresholds} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Overall balance and versatility since the previous cycle, with whether each change is clear, and a word on who answered. */
function LatestChangeNote({ latest }: { latest: LatestChange }) {
  return (
    <div className="space-y-1 text-sm">
      <p>
        Since {latest.since}: overall balance {latest.balance ? changeText(latest.balance) : "not shown in one of the two cycles"}; versatility{" "}
        {latest.versatility ? changeText(latest.versatility) : "not shown in one of the two cycles"}.
      </p>
      {latest.respondentsChanged && <p className="text-slate-700">{respondentsChangedSentence(latest.since)}</p>}
    </div>
  );
}

function ChangeTable({ report }: { report: ClosedReport }) {
  const previous = report.trend[report.trend.length - 2];
  const { team } = report.current;
  if (!previous || !team.shown) return <p className="text-sm text-slate-700">There is no earlier closed cycle to compare with.</p>;
  if (!previous.team.shown) {
    return (
      <p className="text-sm text-slate-700">
        No change per aspect since {previous.cycle.name}: <Hidden reason={previous.team.reason} thresholds={report.thresholds} />
      </p>
    );
  }
  const changes = changeSince(previous.team, team);
  const cell = (change: Change | null) => (change === null ? "hidden in one of the two cycles" : changeCellText(change));
  return (
    <ScrollRegion label={`Change per aspect since ${previous.cycle.name}`}>
      <table className="report-table">
        <caption className="text-left font-semibold">
          Change per aspect since {previous.cycle.name}, with its 95% interval in brackets: a clear rise or fall only when the interval leaves out 0
        </caption>
        <thead>
          <tr>
            <th scope="col">Aspect</th>
            <th scope="col">Managing M</th>
            <th scope="col">Leading L</th>
            <th scope="col">Balance b</th>
          </tr>
        </thead>
        <tbody>
          {ASPECT_KEYS.map((key) => (
            <tr key={key}>
              <th scope="row">{en.aspects[key].name}</th>
              <td>{cell(changes[key].management)}</td>
              <td>{cell(changes[key].leadership)}</td>
              <td>{cell(changes[key].balance)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
