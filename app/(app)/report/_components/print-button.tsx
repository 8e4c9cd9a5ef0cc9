"use client";

/** Opens the browser's print dialog; the print stylesheet turns the report into clean A4 pages. */
export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100 print:hidden"
    >
      Print or save as PDF
    </button>
  );
}
