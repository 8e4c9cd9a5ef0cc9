"use client";

import Link from "next/link";
import { createContext, memo, useCallback, useContext, useEffect, useLayoutEffect, useRef, useState } from "react";
import { ASPECT_KEYS, type AspectKey } from "@/lib/aspects";
import { formatScore, formatSigned } from "@/lib/format";
import { en } from "@/lib/instrument";
import { balanceColour } from "@/lib/teams/colour";
import { changeVerdictCell, DIGITS, percent } from "@/lib/teams/csv";
import { commitmentsSentence } from "@/lib/teams/follow-through";
import { type AspectCell, type OrgLine, responseRate, type TeamRow } from "@/lib/teams/rows";
import { isFitGapBeyondLimit, type SortKey, type TeamsView } from "@/lib/teams/view";
import { type RowWindow, rowWindow } from "@/lib/teams/window";

/**
 * The table is windowed: it renders the rows in its scrolled viewport and a margin around
 * them (the server's HTML holds the first FIRST_ROWS), and two spacer rows stand in for the
 * rest. Every row has the same height, so 2,000 teams cost what 50 do, however they are
 * sorted or filtered. The name search finds any team.
 */
const FIRST_ROWS = 30;
const ROW_HEIGHT = 44;
const OVERSCAN = 12;

const useIsomorphicLayoutEffect = typeof window === "undefined" ? useEffect : useLayoutEffect;

/**
 * Column widths, in rem, fixed (table-layout: fixed): the browser never measures every
 * cell to size the columns, and rows keep one height, which the window relies on.
 */
const WIDTHS = { name: 13, responses: 8.5, aspect: 6.5, balance: 5, versatility: 5.5, target: 5, fitGap: 5, change: 6, commitments: 7 } as const;
const TABLE_WIDTH =
  WIDTHS.name +
  WIDTHS.responses +
  ASPECT_KEYS.length * WIDTHS.aspect +
  WIDTHS.balance +
  WIDTHS.versatility +
  WIDTHS.target +
  WIDTHS.fitGap +
  WIDTHS.change +
  WIDTHS.commitments;

/**
 * The link back from a situations page to this view. Only the target cells read it, so a
 * new sort or filter re-renders those small cells, not every row.
 */
const BackHref = createContext("/teams");

interface HeatmapProps {
  caption: string;
  cycleId: string;
  k: number;
  rows: TeamRow[];
  org: OrgLine;
  view: TeamsView;
  previousName: string | null;
  /** Where the situations page sends the viewer back to. */
  backHref: string;
  sortHref: (key: SortKey) => string;
  onSort: (key: SortKey) => void;
}

const COLUMN_LABELS: Record<Exclude<SortKey, AspectKey>, string> = {
  name: "Team of",
  responseRate: "Responses",
  balance: "B",
  versatility: "Versatility",
  target: "Target T",
  fitGap: "Fit gap",
  change: "Change in B",
};

const headerClass = "sticky top-0 z-10 border-b border-slate-300 bg-slate-100 px-2 py-2 text-left align-bottom text-xs font-semibold [overflow-wrap:anywhere]";

export function Heatmap({ caption, cycleId, k, rows, org, view, previousName, backHref, sortHref, onSort }: HeatmapProps) {
  return (
    <BackHref value={backHref}>
      <Table caption={caption} cycleId={cycleId} k={k} rows={rows} org={org} view={view} previousName={previousName} sortHref={sortHref} onSort={onSort} />
    </BackHref>
  );
}

function Table({ caption, cycleId, k, rows, org, view, previousName, sortHref, onSort }: Omit<HeatmapProps, "backHref">) {
  const scroller = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  const [range, setRange] = useState<RowWindow>({ start: 0, end: Math.min(rows.length, FIRST_ROWS) });
  const measure = useCallback(() => {
    const container = scroller.current;
    const section = body.current;
    if (!container || !section) return;
    const offset = container.getBoundingClientRect().top - section.getBoundingClientRect().top;
    const next = rowWindow({ offset, viewport: container.clientHeight, rowHeight: ROW_HEIGHT, count: rows.length, overscan: OVERSCAN });
    setRange((current) => (current.start === next.start && current.end === next.end ? current : next));
  }, [rows.length]);
  useIsomorphicLayoutEffect(measure, [measure, rows]);
  useEffect(() => {
    const container = scroller.current;
    if (!container) return;
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(measure);
    };
    container.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener("resize", onScroll);
    return () => {
      cancelAnimationFrame(frame);
      container.removeEventListener("scroll", onScroll);
      window.removeEventListener("resize", onScroll);
    };
  }, [measure]);
  const start = Math.min(range.start, rows.length);
  const end = Math.min(range.end, rows.length);

  const header = (key: SortKey, label: string, title?: string) => {
    const active = view.sort === key;
    return (
      <th key={key} scope="col" className={headerClass} aria-sort={active ? (view.dir === "asc" ? "ascending" : "descending") : undefined}>
        <a
          href={sortHref(key)}
          title={title}
          onClick={(event) => {
            event.preventDefault();
            onSort(key);
          }}
          className="text-slate-900"
        >
          {label}
          <span aria-hidden="true">{active ? (view.dir === "asc" ? " ▲" : " ▼") : ""}</span>
        </a>
      </th>
    );
  };

  return (
    <div>
      <div
        ref={scroller}
        role="region"
        aria-labelledby="heatmap-caption"
        tabIndex={0}
        className="max-h-[75vh] overflow-auto rounded-lg border border-slate-200 bg-white"
      >
        {/* Cell styles are set once on the table, not on each of up to 30,000 cells. */}
        <table
          style={{ width: `${TABLE_WIDTH}rem` }}
          className="table-fixed border-separate border-spacing-0 text-sm [&_td]:overflow-hidden [&_td]:border-b [&_td]:border-slate-200 [&_td]:px-2 [&_td]:py-1.5 [&_td]:text-right [&_td]:whitespace-nowrap [&_td]:tabular-nums"
          aria-rowcount={rows.length + 2}
        >
          <caption id="heatmap-caption" className="sr-only">
            {caption}
          </caption>
          <colgroup>
            <col style={{ width: `${WIDTHS.name}rem` }} />
            <col style={{ width: `${WIDTHS.responses}rem` }} />
            {ASPECT_KEYS.map((key) => (
              <col key={key} style={{ width: `${WIDTHS.aspect}rem` }} />
            ))}
            <col style={{ width: `${WIDTHS.balance}rem` }} />
            <col style={{ width: `${WIDTHS.versatility}rem` }} />
            <col style={{ width: `${WIDTHS.target}rem` }} />
            <col style={{ width: `${WIDTHS.fitGap}rem` }} />
            <col style={{ width: `${WIDTHS.change}rem` }} />
            <col style={{ width: `${WIDTHS.commitments}rem` }} />
          </colgroup>
          <thead>
            <tr>
              <th
                scope="col"
                className={`${headerClass} left-0 z-20`}
                aria-sort={view.sort === "name" ? (view.dir === "asc" ? "ascending" : "descending") : undefined}
              >
                <a
                  href={sortHref("name")}
                  onClick={(event) => {
                    event.preventDefault();
                    onSort("name");
                  }}
                  className="text-slate-900"
                >
                  {COLUMN_LABELS.name}
                  <span aria-hidden="true">{view.sort === "name" ? (view.dir === "asc" ? " ▲" : " ▼") : ""}</span>
                </a>
              </th>
              {header("responseRate", COLUMN_LABELS.responseRate, "Responses received of those invited")}
              {ASPECT_KEYS.map((key) => header(key, en.aspects[key].name, `Balance b on ${en.aspects[key].name}`))}
              {header("balance", COLUMN_LABELS.balance, "Overall balance B")}
              {header("versatility", COLUMN_LABELS.versatility)}
              {header("target", COLUMN_LABELS.target, "Situational target from the team's current situation")}
              {header("fitGap", COLUMN_LABELS.fitGap, "B − T")}
              {header("change", COLUMN_LABELS.change, previousName ? `Since ${previousName}` : "No earlier cycle")}
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
          <tbody ref={body}>
            {start > 0 && <tr aria-hidden="true" style={{ height: start * ROW_HEIGHT }} />}
            {rows.slice(start, end).map((row, i) => (
              <TeamRowView key={row.id} row={row} index={start + i + 3} k={k} cycleId={cycleId} />
            ))}
            {end < rows.length && <tr aria-hidden="true" style={{ height: (rows.length - end) * ROW_HEIGHT }} />}
          </tbody>
        </table>
      </div>
      {rows.length > end - start && (
        <p className="mt-2 text-xs text-slate-700">
          Showing rows {start + 1}–{end} of {rows.length} as you scroll; search by name to find any team.
        </p>
      )}
    </div>
  );
}

/** The n behind a value: for screen readers in the cell's text, for everyone in its tooltip. */
function CountNote({ n }: { n: number }) {
  return <span className="sr-only">, n {n}</span>;
}

function BalanceCell({ cell, k }: { cell: AspectCell | null; k: number }) {
  if (cell === null) return <HiddenCell k={k} />;
  const colour = balanceColour(cell.value);
  return (
    <td style={{ backgroundColor: colour.background, color: colour.text }} title={`n ${cell.n}`}>
      {formatSigned(cell.value, DIGITS.balance)}
      <CountNote n={cell.n} />
      {cell.lopsided && (
        <>
          <span aria-hidden="true"> ◆</span>
          <span className="sr-only"> (lopsided)</span>
        </>
      )}
    </td>
  );
}

function HiddenCell({ k }: { k: number }) {
  const reason = `Not shown: fewer than ${k} answers`;
  return (
    <td className="text-slate-700" title={reason}>
      <span aria-hidden="true">&lt; k</span>
      <span className="sr-only">{reason}</span>
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

function OrgRow({ org, k }: { org: OrgLine; k: number }) {
  return (
    <tr aria-rowindex={2} className="bg-brand-50 font-semibold">
      <th scope="row" className="sticky left-0 border-b-2 border-slate-300 bg-brand-50 px-2 py-2 text-left">
        All teams meeting k
        <span className="block text-xs font-normal text-slate-700">
          {org.teamsIncluded} included · {org.teamsLeftOut} {org.teamsLeftOut === 1 ? "team" : "teams"} left out below the threshold, and not counted
        </span>
      </th>
      <RateCell responded={org.responded} invited={org.invited} />
      {org.aspects.map((cell, i) => (
        <BalanceCell key={ASPECT_KEYS[i]} cell={cell} k={k} />
      ))}
      {org.balance === null ? <HiddenCell k={k} /> : <BalanceCell cell={{ value: org.balance, lopsided: false, n: org.responded }} k={k} />}
      <NumberCell value={org.versatility} digits={DIGITS.versatility} n={org.responded} signed={false} k={k} />
      <td className="text-slate-600">–</td>
      <td className="text-slate-600">–</td>
      <td className="text-slate-600">–</td>
      <td className="text-slate-600">–</td>
    </tr>
  );
}

/**
 * The commitments and how often the team saw them practised: "3 · seen 1.8" over "n 5" (and
 * "2 of 3" when some commitments have too few answers), "3 · < k" when hidden, or "none".
 * The whole sentence is the tooltip and what a screen reader reads.
 */
function CommitmentsCell({ row, k }: { row: TeamRow; k: number }) {
  const { commitments: count, followThrough: cell } = row;
  const sentence = commitmentsSentence(count, cell, { k });
  if (cell?.shown) {
    // Two short lines in the row's fixed height: 16 px and 12 px of line, 12 px of padding.
    return (
      <td title={sentence}>
        <span aria-hidden="true" className="block leading-4">
          {count} · seen {formatScore(cell.value, DIGITS.followThrough)}
          <span className="block text-xs leading-3 text-slate-600">
            n {cell.n}
            {cell.covered < count && ` · ${cell.covered} of ${count}`}
          </span>
        </span>
        <span className="sr-only">{sentence}</span>
      </td>
    );
  }
  const shown = cell === null ? "none" : `${count} · ${cell.reason === "not_asked" ? "not asked" : "< k"}`;
  return (
    <td className={cell === null ? "text-slate-600" : "text-slate-700"} title={sentence}>
      <span aria-hidden="true">{shown}</span>
      <span className="sr-only">{sentence}</span>
    </td>
  );
}

function TargetCell({ row }: { row: TeamRow }) {
  const backHref = useContext(BackHref);
  const target = formatSigned(row.target, DIGITS.target);
  return (
    <td>
      <Link
        href={`/teams/situations/${row.id}?back=${encodeURIComponent(backHref)}`}
        prefetch={false}
        aria-label={`Situation of ${row.name}'s team: T ${target}, ${row.situations.length} marked`}
      >
        {target}
      </Link>
    </td>
  );
}

const TeamRowView = memo(function TeamRowView({ row, index, k, cycleId }: { row: TeamRow; index: number; k: number; cycleId: string }) {
  const beyond = isFitGapBeyondLimit(row.fitGap);
  return (
    <tr aria-rowindex={index} style={{ height: ROW_HEIGHT }}>
      <th scope="row" className="sticky left-0 truncate border-b border-slate-200 bg-white px-2 py-0.5 text-left leading-tight font-medium">
        <Link href={`/report/${cycleId}/${row.id}`} prefetch={false}>
          {row.name}
        </Link>
        {row.parentName && <span className="block truncate text-xs font-normal text-slate-600">reports to {row.parentName}</span>}
      </th>
      <RateCell responded={row.responded} invited={row.invited} />
      {row.aspects.map((cell, i) => (
        <BalanceCell key={ASPECT_KEYS[i]} cell={cell} k={k} />
      ))}
      {row.balance === null ? <HiddenCell k={k} /> : <BalanceCell cell={{ value: row.balance, lopsided: false, n: row.responded }} k={k} />}
      <NumberCell value={row.versatility} digits={DIGITS.versatility} n={row.responded} signed={false} k={k} />
      <TargetCell row={row} />
      <NumberCell value={row.fitGap} digits={DIGITS.fitGap} n={row.responded} k={row.shown && row.balance !== null ? undefined : k} emphasis={beyond} />
      <ChangeCell row={row} k={k} />
      <CommitmentsCell row={row} k={k} />
    </tr>
  );
});
