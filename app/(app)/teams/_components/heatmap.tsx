import Link from "next/link";
import { ASPECT_KEYS, type AspectKey } from "@/lib/aspects";
import { formatScore, formatSigned } from "@/lib/format";
import { en } from "@/lib/instrument";
import { ONE_SIDED, SCORE_NAMES, TOO_FEW_ANSWERS } from "@/lib/vocabulary";
import { balanceColour } from "@/lib/teams/colour";
import { changeVerdictCell, DIGITS, percent } from "@/lib/teams/csv";
import { commitmentsSentence } from "@/lib/teams/follow-through";
import type { PageSpan } from "@/lib/teams/paging";
import { type AspectCell, type OrgLine, responseRate, type TeamRow } from "@/lib/teams/rows";
import { isFitGapBeyondLimit, type SortKey, type TeamsView } from "@/lib/teams/view";

/**
 * The heatmap, rendered on the server: the rows of one page of the table (lib/teams/paging),
 * sorted by links in its headers. The browser gets no script for it.
 *
 * Every row has the same height, two lines of text, whether or not its cells have a note.
 */
const ROW_HEIGHT = 44;

/**
 * Column widths, in rem, fixed (table-layout: fixed): the browser never measures every
 * cell to size the columns, and rows keep one height from page to page. The
 * team column and the summary after it (up to the change) fit the page at 1366 px, so a
 * director sees them without scrolling; the aspects and the rest scroll inside the frame.
 * Each header word fits its column, so headers wrap only between words.
 */
const WIDTHS = { name: 11, balance: 6, versatility: 6.5, target: 7.5, fitGap: 6.5, change: 6.5, aspect: 7, responses: 8.5, commitments: 7.5 } as const;
const COLUMN_WIDTHS = [
  WIDTHS.name,
  WIDTHS.balance,
  WIDTHS.versatility,
  WIDTHS.target,
  WIDTHS.fitGap,
  WIDTHS.change,
  ...ASPECT_KEYS.map(() => WIDTHS.aspect),
  WIDTHS.responses,
  WIDTHS.commitments,
];
const TABLE_WIDTH = COLUMN_WIDTHS.reduce((sum, width) => sum + width, 0);

interface HeatmapProps {
  caption: string;
  cycleId: string;
  k: number;
  /** The page's rows, and where they are in the whole table. */
  rows: TeamRow[];
  span: PageSpan;
  org: OrgLine;
  view: TeamsView;
  previousName: string | null;
  /** Where the situations page sends the viewer back to. */
  backHref: string;
  sortHref: (key: SortKey) => string;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Header words: each symbol beside the words it stands for, explained again in the legend. */
export const COLUMN_LABELS: Record<Exclude<SortKey, AspectKey>, string> = {
  name: "Team of",
  balance: `${capitalised(SCORE_NAMES.overallBalance)} (B)`,
  versatility: capitalised(SCORE_NAMES.versatility),
  target: "Situation calls for (T)",
  // No-break spaces keep the symbols "(B − T)" on one line.
  fitGap: `${capitalised(SCORE_NAMES.fit)} (B\u00a0−\u00a0T)`,
  change: "Change in B",
  responseRate: "Responses",
};

// Words wrap only between words (never "Communicat/ion"): no hyphenation, no breaking anywhere.
const headerClass = "sticky top-0 z-10 border-b border-slate-300 bg-slate-100 px-2 py-2 text-left align-bottom text-xs font-semibold break-normal hyphens-none";

/** The id of the table's scroll frame, which the filter form's button brings into view. */
export const HEATMAP_REGION_ID = "heatmap-region";

export function Heatmap({ caption, cycleId, k, rows, span, org, view, previousName, backHref, sortHref }: HeatmapProps) {
  const header = (key: SortKey, label: string, title?: string, sticky = false) => {
    const active = view.sort === key;
    return (
      <th
        key={key}
        scope="col"
        className={sticky ? `${headerClass} left-0 z-20` : headerClass}
        aria-sort={active ? (view.dir === "asc" ? "ascending" : "descending") : undefined}
      >
        <Link href={sortHref(key)} prefetch={false} scroll={false} title={title} className="text-slate-900">
          {label}
          <span aria-hidden="true">{active ? (view.dir === "asc" ? " ▲" : " ▼") : ""}</span>
        </Link>
      </th>
    );
  };

  // Relative, so that the screen-reader-only text in its cells (absolutely placed) scrolls with the table instead of widening the page.
  return (
    <div
      id={HEATMAP_REGION_ID}
      role="region"
      aria-labelledby="heatmap-caption"
      tabIndex={0}
      className="relative max-h-[75vh] overflow-auto rounded-lg border border-slate-200 bg-white"
    >
      {/* Cell styles are set once on the table, not on each of its hundreds of cells. */}
      <table
        style={{ width: `${TABLE_WIDTH}rem` }}
        className="table-fixed border-separate border-spacing-0 text-sm [&_td]:overflow-hidden [&_td]:border-b [&_td]:border-slate-200 [&_td]:px-2 [&_td]:py-1.5 [&_td]:text-right [&_td]:whitespace-nowrap [&_td]:tabular-nums"
        aria-rowcount={span.total + 2}
      >
        <caption id="heatmap-caption" className="sr-only">
          {caption}
        </caption>
        <colgroup>
          {COLUMN_WIDTHS.map((width, i) => (
            <col key={i} style={{ width: `${width}rem` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {header("name", COLUMN_LABELS.name, undefined, true)}
            {header("balance", COLUMN_LABELS.balance, "Below 0 the team sees its manager leaning toward managing, above 0 toward leading")}
            {header("versatility", COLUMN_LABELS.versatility, "How much of both managing and leading the team sees, from 1 to 5")}
            {header("target", COLUMN_LABELS.target, "The overall balance the team's current situation calls for, from the situations marked for it")}
            {header("fitGap", COLUMN_LABELS.fitGap, "How far the overall balance is from what the situation calls for")}
            {header("change", COLUMN_LABELS.change, previousName ? `Change in overall balance since ${previousName}` : "No earlier cycle")}
            {ASPECT_KEYS.map((key) => header(key, en.aspects[key].name, `Balance (b) on ${en.aspects[key].name}`))}
            {header("responseRate", COLUMN_LABELS.responseRate, "Responses received of those invited")}
            <th
              scope="col"
              className={headerClass}
              title="Actions committed to after the report before this cycle, and how often the team saw them practised (1 never, 5 always)"
            >
              Commitments
            </th>
          </tr>
        </thead>
        <tbody>
          <OrgRow org={org} k={k} />
        </tbody>
        <tbody>
          {rows.map((row, i) => (
            <TeamRowView key={row.id} row={row} index={span.start + i + 3} k={k} cycleId={cycleId} backHref={backHref} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The n behind a value: for screen readers in the cell's text, for everyone in its tooltip. */
function CountNote({ n }: { n: number }) {
  return <span className="sr-only">, n {n}</span>;
}

/**
 * A cell of two lines, a value over a smaller note: the row's fixed height holds two lines
 * of 16 px and 12 px of padding. A line break, not a block, parts them, so that the
 * accessible name reads "−0.63, n 6, one-sided" with no stray spaces.
 */
const TWO_LINES = "leading-4";

function BalanceCell({ cell, k }: { cell: AspectCell | null; k: number }) {
  if (cell === null) return <HiddenCell k={k} />;
  const colour = balanceColour(cell.value);
  return (
    <td style={{ backgroundColor: colour.background, color: colour.text }} title={`n ${cell.n}`} className={TWO_LINES}>
      {formatSigned(cell.value, DIGITS.balance)}
      <CountNote n={cell.n} />
      {cell.lopsided && (
        <>
          <br />
          <span className="text-xs">
            <span className="sr-only">, </span>
            {ONE_SIDED}
          </span>
        </>
      )}
    </td>
  );
}

/** Why a value is hidden, after the cell's "too few answers": in its tooltip and accessible name, and in the legend. */
export function tooFewReason(k: number): string {
  return `fewer than ${k} answers, so not shown`;
}

function HiddenCell({ k }: { k: number }) {
  return (
    <td className={`${TWO_LINES} text-xs text-slate-700`} title={`${capitalised(TOO_FEW_ANSWERS)}: ${tooFewReason(k)}`}>
      <span className="whitespace-normal">{TOO_FEW_ANSWERS}</span>
      <span className="sr-only">: {tooFewReason(k)}</span>
    </td>
  );
}

function NumberCell({
  value,
  digits,
  n,
  signed = true,
  k,
  emphasis = false,
}: {
  value: number | null;
  digits: number;
  /** The answers behind the value (the team's respondents), shown beside it to screen readers and in the tooltip. */
  n: number;
  signed?: boolean;
  k?: number;
  emphasis?: boolean;
}) {
  if (value === null) return k === undefined ? <td className="text-slate-600">–</td> : <HiddenCell k={k} />;
  return (
    <td className={emphasis ? "font-bold" : undefined} title={`n ${n}`}>
      {signed ? formatSigned(value, digits) : formatScore(value, digits)}
      <CountNote n={n} />
    </td>
  );
}

/** The change in B: bold with an arrow when clear of the noise, plain and marked "no clear change" otherwise. */
function ChangeCell({ row, k }: { row: TeamRow; k: number }) {
  if (row.change === null) return row.shown ? <td className="text-slate-600">–</td> : <HiddenCell k={k} />;
  const verdict = changeVerdictCell(row);
  return (
    <td className={row.changeIsClear ? "font-bold" : "text-slate-700"} title={`${verdict}, n ${row.responded}`}>
      {formatSigned(row.change, DIGITS.change)}
      {row.changeIsClear ? <span aria-hidden="true"> {row.change > 0 ? "▲" : "▼"}</span> : <span aria-hidden="true"> ≈</span>}
      <span className="sr-only">, {verdict}</span>
    </td>
  );
}

function RateCell({ responded, invited }: { responded: number; invited: number }) {
  const rate = responseRate(responded, invited);
  return (
    <td>
      {responded}/{invited}
      {rate !== null && <span className="ml-1 text-xs text-slate-600">{percent(rate)}</span>}
    </td>
  );
}

const noValue = <td className="text-slate-600">–</td>;

function OrgRow({ org, k }: { org: OrgLine; k: number }) {
  return (
    <tr aria-rowindex={2} className="bg-brand-50 font-semibold">
      <th scope="row" className="sticky left-0 border-b-2 border-slate-300 bg-brand-50 px-2 py-2 text-left">
        All teams with enough answers
        <span className="block text-xs font-normal text-slate-700">
          {org.teamsIncluded} included · {org.teamsLeftOut} {org.teamsLeftOut === 1 ? "team" : "teams"} left out with {TOO_FEW_ANSWERS}, and not counted
        </span>
      </th>
      {org.balance === null ? <HiddenCell k={k} /> : <BalanceCell cell={{ value: org.balance, lopsided: false, n: org.responded }} k={k} />}
      <NumberCell value={org.versatility} digits={DIGITS.versatility} n={org.responded} signed={false} k={k} />
      {noValue}
      {noValue}
      {noValue}
      {org.aspects.map((cell, i) => (
        <BalanceCell key={ASPECT_KEYS[i]} cell={cell} k={k} />
      ))}
      <RateCell responded={org.responded} invited={org.invited} />
      {noValue}
    </tr>
  );
}

/**
 * The commitments and how often the team saw them practised: "3 · seen 1.8" over "n 5" (and
 * "2 of 3" when some commitments have too few answers), "3" over "too few answers" or "not
 * asked" when hidden, or "none". The whole sentence is the tooltip and what a screen reader reads.
 */
function CommitmentsCell({ row, k }: { row: TeamRow; k: number }) {
  const { commitments: count, followThrough: cell } = row;
  const sentence = commitmentsSentence(count, cell, { k });
  if (cell === null) {
    return (
      <td className="text-slate-600" title={sentence}>
        <span aria-hidden="true">none</span>
        <span className="sr-only">{sentence}</span>
      </td>
    );
  }
  return (
    <td className={cell.shown ? undefined : "text-slate-700"} title={sentence}>
      <span aria-hidden="true" className="block leading-4">
        {cell.shown ? `${count} · seen ${formatScore(cell.value, DIGITS.followThrough)}` : count}
        <span className="block text-xs leading-4 text-slate-600">
          {cell.shown
            ? `n ${cell.n}${cell.covered < count ? ` · ${cell.covered} of ${count}` : ""}`
            : cell.reason === "not_asked"
              ? "not asked"
              : TOO_FEW_ANSWERS}
        </span>
      </span>
      <span className="sr-only">{sentence}</span>
    </td>
  );
}

/** What the team's situation calls for, and the way to change it: the one place a director edits situations from. */
function TargetCell({ row, backHref }: { row: TeamRow; backHref: string }) {
  const target = formatSigned(row.target, DIGITS.target);
  const marked = row.situations.length === 0 ? "none marked" : `${row.situations.length} marked`;
  return (
    <td className={TWO_LINES}>
      {target}
      <br />
      <Link
        href={`/teams/situations/${row.id}?back=${encodeURIComponent(backHref)}`}
        prefetch={false}
        className="text-xs"
        aria-label={`Edit situations of ${row.name}'s team: calls for ${target}, ${marked}`}
      >
        Edit situations
      </Link>
    </td>
  );
}

function TeamRowView({ row, index, k, cycleId, backHref }: { row: TeamRow; index: number; k: number; cycleId: string; backHref: string }) {
  const beyond = isFitGapBeyondLimit(row.fitGap);
  return (
    <tr aria-rowindex={index} style={{ height: ROW_HEIGHT }}>
      <th scope="row" className="sticky left-0 truncate border-b border-slate-200 bg-white px-2 py-0.5 text-left leading-tight font-medium">
        <Link href={`/report/${cycleId}/${row.id}`} prefetch={false}>
          {row.name}
        </Link>
        {row.parentName && <span className="block truncate text-xs font-normal text-slate-600">reports to {row.parentName}</span>}
      </th>
      {row.balance === null ? <HiddenCell k={k} /> : <BalanceCell cell={{ value: row.balance, lopsided: false, n: row.responded }} k={k} />}
      <NumberCell value={row.versatility} digits={DIGITS.versatility} n={row.responded} signed={false} k={k} />
      <TargetCell row={row} backHref={backHref} />
      <NumberCell value={row.fitGap} digits={DIGITS.fitGap} n={row.responded} k={row.shown && row.balance !== null ? undefined : k} emphasis={beyond} />
      <ChangeCell row={row} k={k} />
      {row.aspects.map((cell, i) => (
        <BalanceCell key={ASPECT_KEYS[i]} cell={cell} k={k} />
      ))}
      <RateCell responded={row.responded} invited={row.invited} />
      <CommitmentsCell row={row} k={k} />
    </tr>
  );
}
