import { COLOURS } from "@/app/_components/chart-palette";
import { numberWord } from "@/app/_components/number-words";
import { ASPECT_KEYS, type AspectKey, POLES } from "@/lib/aspects";
import { formatSigned } from "@/lib/format";
import { en } from "@/lib/instrument";
import { balanceSummary, intervalText, sdText } from "@/lib/report";
import { type AspectReport, LOPSIDED_GAP, type SelfAspect, type Thresholds } from "@/lib/scoring";
import { capitalised, ONE_SIDED, SCORE_NAMES } from "@/lib/vocabulary";
import type { ClosedReport } from "@/server/dal/report";
import { AXIS_WIDTH, AxisGrid, AxisLabels, LegendShape, NeedMarker, SelfMarker, TargetMarker, xOf } from "./balance-axis";
import { ChartFigure } from "./chart-figure";
import { displayedTarget, Hidden, namedStatisticText } from "./scores";

const ROW_HEIGHT = 28;
/**
 * Name, bar, value: the same columns for the axis labels and every row. On a phone the name
 * and the value share a line and the bar takes the whole width under them, so the bar stays
 * wide enough to read; from `sm` up the three sit side by side.
 */
const ROW_GRID = "grid max-w-4xl grid-cols-[minmax(0,1fr)_auto] gap-x-3 sm:grid-cols-[minmax(7rem,10rem)_1fr_minmax(8rem,11rem)]";
const NAME_CELL = "col-start-1 row-start-1";
const BAR_CELL = "col-span-2 row-start-2 sm:col-span-1 sm:col-start-2 sm:row-start-1";
const VALUE_CELL = "col-start-2 row-start-1 text-right sm:col-start-3 sm:text-left";
const BADGE = "rounded bg-slate-200 px-1 text-xs";

/**
 * The report's primary chart: per aspect, a bar from 0 to the team's balance b on a
 * −1 … +1 axis, with the self-view, the team's need (halved onto the same axis) and the
 * situational target as markers. It comes before the radar because a bar on one axis is
 * hard to misread.
 */
export function BalanceStrip({ report }: { report: ClosedReport }) {
  const { team, self } = report.current;
  if (!team.shown) return null;
  const target = displayedTarget(report);
  return (
    <section aria-labelledby="balance-heading" className="report-section space-y-3">
      <h2 id="balance-heading" className="text-xl font-semibold">
        Balance per aspect
      </h2>
      <ChartFigure
        id="balance-strip"
        caption="Where each aspect sits between managing (−1) and leading (+1)"
        summary={balanceSummary(team.aspects, report.thresholds)}
        table={<BalanceTable aspects={team.aspects} self={self} target={target} thresholds={report.thresholds} />}
      >
        <Legend showTarget={target !== null} showOneSided={ASPECT_KEYS.some((key) => isOneSided(team.aspects[key]))} />
        <div className={`${ROW_GRID} text-slate-700`} aria-hidden="true">
          <div className={BAR_CELL}>
            <AxisLabels />
          </div>
        </div>
        <ul className="max-w-4xl space-y-2 sm:space-y-1" aria-label="Balance per aspect">
          {ASPECT_KEYS.map((key) => (
            <StripRow key={key} aspect={key} report={team.aspects[key]} self={self?.[key] ?? null} target={target} thresholds={report.thresholds} />
          ))}
        </ul>
      </ChartFigure>
    </section>
  );
}

const isOneSided = (report: AspectReport) => report.balance.shown && report.balance.lopsided;

/**
 * What each mark means, in words. The need marker puts the team's answer on the balance
 * axis: "a little more" halfway out, "much more" at the end, so no reader has to halve it.
 */
function Legend({ showTarget, showOneSided }: { showTarget: boolean; showOneSided: boolean }) {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="Legend">
      <li>
        <LegendShape kind="management" /> Team leans to managing
      </li>
      <li>
        <LegendShape kind="leadership" /> Team leans to leading
      </li>
      <li>
        <LegendShape kind="self" /> Self-view
      </li>
      <li>
        <LegendShape kind="need" /> {capitalised(SCORE_NAMES.need)}: halfway out is &ldquo;a little more&rdquo;, the end is &ldquo;much more&rdquo;
      </li>
      {showTarget && (
        <li>
          <LegendShape kind="target" /> {capitalised(SCORE_NAMES.target)}
        </li>
      )}
      {showOneSided && (
        <li>
          <span className={BADGE}>{ONE_SIDED}</span> one side rated at least {numberWord(LOPSIDED_GAP)} {LOPSIDED_GAP === 1 ? "point" : "points"} above the
          other
        </li>
      )}
    </ul>
  );
}

function counts(report: AspectReport): string {
  const ns = POLES.map((pole) => report[pole]).flatMap((s) => (s.shown ? [s.n] : []));
  const [low, high] = [Math.min(...ns), Math.max(...ns)];
  return low === high ? `n ${low}` : `n ${low}–${high}`;
}

function StripRow({
  aspect,
  report,
  self,
  target,
  thresholds,
}: {
  aspect: AspectKey;
  report: AspectReport;
  self: SelfAspect | null;
  target: number | null;
  thresholds: Thresholds;
}) {
  const name = en.aspects[aspect].name;
  const { balance, need, management, leadership } = report;
  const tooltipId = `balance-tip-${aspect}`;
  const details = [
    management.shown ? namedStatisticText("Managing", management) : null,
    leadership.shown ? namedStatisticText("Leading", leadership) : null,
    need.shown ? namedStatisticText("Team need", need, true) : null,
    self?.balance != null ? `Self-view ${formatSigned(self.balance, 2)}` : null,
  ].filter((line) => line !== null);
  return (
    <li
      tabIndex={0}
      aria-describedby={details.length > 0 ? tooltipId : undefined}
      className={`group relative ${ROW_GRID} items-center rounded focus-visible:bg-brand-50`}
    >
      <span className={`${NAME_CELL} text-sm font-medium`}>{name}</span>
      <svg viewBox={`0 0 ${AXIS_WIDTH} ${ROW_HEIGHT}`} className={`${BAR_CELL} h-auto w-full`} aria-hidden="true">
        <rect x={0} y={0} width={AXIS_WIDTH} height={ROW_HEIGHT} fill={COLOURS.track} />
        <AxisGrid height={ROW_HEIGHT} />
        {balance.shown && (
          <rect
            x={Math.min(xOf(0), xOf(balance.value))}
            y={9}
            width={Math.abs(xOf(balance.value) - xOf(0))}
            height={10}
            fill={balance.value < 0 ? COLOURS.management : COLOURS.leadership}
          />
        )}
        {target !== null && <TargetMarker value={target} height={ROW_HEIGHT} />}
        {need.shown && <NeedMarker value={need.value / 2} y={4} />}
        {self?.balance != null && <SelfMarker value={self.balance} y={14} />}
      </svg>
      <span className={`${VALUE_CELL} text-sm`}>
        {balance.shown ? (
          <>
            <span className="font-semibold">{formatSigned(balance.value, 2)}</span> <span className="text-slate-700">{counts(report)}</span>
            {isOneSided(report) && <span className={`ml-1 ${BADGE}`}>{ONE_SIDED}</span>}
          </>
        ) : (
          <PoleReason report={report} thresholds={thresholds} />
        )}
      </span>
      {details.length > 0 && (
        <span
          id={tooltipId}
          role="tooltip"
          className="report-tooltip invisible absolute top-full left-0 z-10 mt-1 w-max max-w-full rounded-md bg-slate-900 px-3 py-2 text-xs text-white shadow-lg group-hover:visible group-focus:visible sm:left-1/4 sm:max-w-md"
        >
          {details.join(" · ")}
        </span>
      )}
    </li>
  );
}

/** Why an aspect has no bar: each hidden pole, and the rule that hides it. */
function PoleReason({ report, thresholds }: { report: AspectReport; thresholds: Thresholds }) {
  return (
    <span>
      {POLES.map((pole) => {
        const score = report[pole];
        return score.shown ? null : (
          <span key={pole} className="block">
            <span className="font-medium">{en.poles[pole].name}:</span> <Hidden reason={score.reason} thresholds={thresholds} />
          </span>
        );
      })}
    </span>
  );
}

function BalanceTable({
  aspects,
  self,
  target,
  thresholds,
}: {
  aspects: Readonly<Record<AspectKey, AspectReport>>;
  self: Readonly<Record<AspectKey, SelfAspect>> | null;
  target: number | null;
  thresholds: Thresholds;
}) {
  return (
    <table className="report-table">
      <caption className="sr-only">Balance, self-view and team need per aspect</caption>
      <thead>
        <tr>
          <th scope="col">Aspect</th>
          <th scope="col">Balance b</th>
          <th scope="col">Self-view b</th>
          <th scope="col">Team need (−2 … +2)</th>
          <th scope="col">n</th>
          <th scope="col">SD</th>
          <th scope="col">95% interval</th>
          {target !== null && <th scope="col">Target T</th>}
        </tr>
      </thead>
      <tbody>
        {ASPECT_KEYS.map((key) => {
          const { balance, need } = aspects[key];
          const selfBalance = self?.[key].balance ?? null;
          return (
            <tr key={key}>
              <th scope="row">{en.aspects[key].name}</th>
              <td>{balance.shown ? formatSigned(balance.value, 2) : <PoleReason report={aspects[key]} thresholds={thresholds} />}</td>
              <td>{selfBalance === null ? "not rated" : formatSigned(selfBalance, 2)}</td>
              {need.shown ? (
                <>
                  <td>{formatSigned(need.value)}</td>
                  <td>{need.n}</td>
                  <td>{sdText(need)}</td>
                  <td>{intervalText(need)}</td>
                </>
              ) : (
                <td colSpan={4}>
                  <Hidden reason={need.reason} thresholds={thresholds} />
                </td>
              )}
              {target !== null && <td>{formatSigned(target, 2)}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
