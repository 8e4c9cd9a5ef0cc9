"use client";

import { drawAllCharts } from "@/app/_components/deferred-chart";

/**
 * Opens the browser's print dialog; the print stylesheet turns the report into clean A4
 * pages. Charts the reader has not scrolled to yet are drawn first, so the printout has them.
 */
export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => void drawAllCharts().then(() => window.print())}
      className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100 print:hidden"
    >
      Print or save as PDF
    </button>
  );
}
