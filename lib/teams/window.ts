/**
 * Which rows of a long table to render: those in the scrolled viewport plus a margin above
 * and below. Every row has the same height, so the rest is stood in for by two spacers.
 */
export interface RowWindow {
  /** First rendered row (inclusive). */
  readonly start: number;
  /** Last rendered row (exclusive). */
  readonly end: number;
}

export function rowWindow(options: {
  /** How far the rows' top edge has scrolled above the viewport's top, in pixels (negative while below it). */
  readonly offset: number;
  readonly viewport: number;
  readonly rowHeight: number;
  readonly count: number;
  /** Rows rendered beyond each edge of the viewport. */
  readonly overscan: number;
}): RowWindow {
  const { offset, viewport, rowHeight, count, overscan } = options;
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, offset) / rowHeight);
  const visible = Math.ceil(Math.max(0, viewport + Math.min(0, offset)) / rowHeight) + 1;
  const start = Math.min(Math.max(0, first - overscan), Math.max(0, count - 1));
  const end = Math.min(count, first + visible + overscan);
  return { start, end: Math.max(end, Math.min(count, start + 1)) };
}
