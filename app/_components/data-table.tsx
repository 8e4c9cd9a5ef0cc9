import type { Key, ReactNode } from "react";

export interface Column<Row> {
  /** The column header, `<th scope="col">`: also the name assistive technology gives each of its cells. */
  header: ReactNode;
  cell: (row: Row, index: number) => ReactNode;
  /** Its cells name their row: `<th scope="row">`, in medium weight. At most one column. */
  rowHeader?: boolean;
  /** Classes for this column's body cells besides the padding: "tabular-nums", "break-all"… */
  className?: string;
  /** Classes for its header cell besides the padding, such as a width. */
  headerClassName?: string;
}

const TONES = {
  default: { table: "border-slate-200", head: "bg-slate-100", row: "border-slate-200" },
  /** A table of errors. */
  danger: { table: "border-red-200", head: "bg-red-50", row: "border-red-100" },
} as const;

const PADDING = { compact: "px-3", roomy: "px-4" } as const;

interface DataTableProps<Row> {
  /** Columns in order; `false` leaves out a column that only some tables of a kind have. */
  columns: readonly (Column<Row> | false)[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => Key;
  /** The table's name. Read by screen readers only, unless `captionVisible`. */
  caption?: ReactNode;
  captionVisible?: boolean;
  /** Said in one full-width row when there are no rows; without it the body is empty. */
  empty?: ReactNode;
  /** Classes besides the shared look: a minimum or maximum width, a margin. */
  className?: string;
  /** Wraps the table in a box that scrolls sideways on a narrow screen (the default). */
  scroll?: boolean;
  /** Horizontal cell padding: "compact" (px-3, the default) or "roomy" (px-4). */
  density?: keyof typeof PADDING;
  /** Cells align to the top, for rows whose cells may wrap or hold a form. */
  alignTop?: boolean;
  tone?: keyof typeof TONES;
}

/**
 * A plain data table: an optional caption, a header row of `<th scope="col">`, and one row
 * per item whose row-header column, if any, is `<th scope="row">`. For tables whose rows
 * are all alike; a table with merged cells or sortable headers (the teams heatmap) keeps
 * its own markup.
 */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  caption,
  captionVisible = false,
  empty,
  className,
  scroll = true,
  density = "compact",
  alignTop = false,
  tone = "default",
}: DataTableProps<Row>) {
  const shown = columns.filter((column): column is Column<Row> => column !== false);
  const colours = TONES[tone];
  const padding = PADDING[density];
  const cellClass = (extra?: string) => [padding, "py-2", extra].filter(Boolean).join(" ");
  const table = (
    <table className={["w-full", className, "rounded-lg border", colours.table, "bg-white text-left text-sm"].filter(Boolean).join(" ")}>
      {caption !== undefined && <caption className={captionVisible ? `${padding} py-2 text-left font-medium` : "sr-only"}>{caption}</caption>}
      <thead className={colours.head}>
        <tr>
          {shown.map((column, index) => (
            <th key={index} scope="col" className={cellClass(column.headerClassName)}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && empty !== undefined && (
          <tr>
            <td colSpan={shown.length} className={`${padding} py-4 text-slate-700`}>
              {empty}
            </td>
          </tr>
        )}
        {rows.map((row, rowIndex) => (
          <tr key={rowKey(row, rowIndex)} className={`border-t ${colours.row}${alignTop ? " align-top" : ""}`}>
            {shown.map((column, index) =>
              column.rowHeader ? (
                <th key={index} scope="row" className={cellClass(["font-medium", column.className].filter(Boolean).join(" "))}>
                  {column.cell(row, rowIndex)}
                </th>
              ) : (
                <td key={index} className={cellClass(column.className)}>
                  {column.cell(row, rowIndex)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
  // relative: the frame contains its screen-reader-only text, which would otherwise widen the page.
  return scroll ? <div className="relative overflow-x-auto">{table}</div> : table;
}
