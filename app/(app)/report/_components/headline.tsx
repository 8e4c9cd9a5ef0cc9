import { COLOURS } from "@/app/_components/chart-palette";
import { ASPECT_KEYS, RATING_MAX, RATING_MIN } from "@/lib/aspects";
import { formatScore, formatSigned } from "@/lib/format";
import { headlineSentence } from "@/lib/report";
import { BALANCE_SCALE, capitalised, leanWords, overallLeanWords, reportVoice, SCORE_NAMES } from "@/lib/vocabulary";
import type { ClosedReport } from "@/server/dal/report";
import { AXIS_WIDTH, AxisGrid, AxisLabels, LegendShape, TargetMarker, xOf } from "./balance-axis";
import { displayedTarget, Hidden } from "./scores";

/** Overall balance on a managing–leading scale, versatility, n of N and the one-sentence gist. */
export function Headline({ report }: { report: ClosedReport }) {
  const { team } = report.current;
  const { cycle, thresholds } = report;
  const target = displayedTarget(report);
  if (!team.shown) return null;
  const { balance, versatility } = team;
  return (
    <section aria-labelledby="headline-heading" className="report-section space-y-4">
      <h2 id="headline-heading" className="text-xl font-semibold">
        Summary
      </h2>
      {balance.shown && versatility.shown ? (
        <p className="text-lg">{headlineSentence({ balance: balance.value, versatility: versatility.value, target }, reportVoice(report.manager))}</p>
      ) : (
        <p>
          <Hidden reason="no_data" thresholds={thresholds} />
        </p>
      )}
      <dl className="grid gap-3 sm:grid-cols-3">
        <div className="rounded-lg border border-slate-200 bg-white px-4 py-3">
          <dt className="text-sm text-slate-700">{capitalised(SCORE_NAMES.overallBalance)}</dt>
          <dd className="text-2xl font-semibold">
            {balance.shown ? formatSigned(balance.value, 2) : <Hidden reason={balance.reason} thresholds={thresholds} />}
          </dd>
          {balance.shown && (
            <dd className="text-sm text-slate-700">
              {overallLeanWords(balance.value)}: the mean of {balance.aspects} of {ASPECT_KEYS.length} aspects, {BALANCE_SCALE}
            </dd>
          )}
        </div>
        <div className="rounded-lg border border-slate-200 bg-white px-4 py-3">
          <dt className="text-sm text-slate-700">{capitalised(SCORE_NAMES.versatility)}</dt>
          <dd className="text-2xl font-semibold">
            {versatility.shown ? `${formatScore(versatility.value)} of ${RATING_MAX}` : <Hidden reason={versatility.reason} thresholds={thresholds} />}
          </dd>
          {versatility.shown && (
            <dd className="text-sm text-slate-700">
              how much of both sides the team sees, {RATING_MIN} to {RATING_MAX}
            </dd>
          )}
        </div>
        <div className="rounded-lg border border-slate-200 bg-white px-4 py-3">
          <dt className="text-sm text-slate-700">Responses</dt>
          <dd className="text-2xl font-semibold">
            {team.respondents} of {cycle.invited}
          </dd>
          <dd className="text-sm text-slate-700">raters answered of those invited</dd>
        </div>
      </dl>
      {balance.shown && <BalanceScale balance={balance.value} target={target} />}
    </section>
  );
}

/** The overall balance on a labelled scale from managing to leading; the numbers are in the text above. */
function BalanceScale({ balance, target }: { balance: number; target: number | null }) {
  const colour = balance < 0 ? COLOURS.management : COLOURS.leadership;
  return (
    <div className="report-balance-scale max-w-2xl">
      <svg viewBox={`0 0 ${AXIS_WIDTH} 40`} className="h-auto w-full" aria-hidden="true">
        <AxisGrid height={40} />
        <rect x={Math.min(xOf(0), xOf(balance))} y={14} width={Math.abs(xOf(balance) - xOf(0))} height={12} fill={colour} />
        {target !== null && <TargetMarker value={target} height={40} />}
      </svg>
      <div className="text-slate-700">
        <AxisLabels middle="0 Balanced" />
      </div>
      {target !== null && (
        <p className="mt-1 text-sm text-slate-700">
          <LegendShape kind="target" /> {capitalised(SCORE_NAMES.target)}: {formatSigned(target, 2)}, {leanWords(target)}.
        </p>
      )}
    </div>
  );
}
