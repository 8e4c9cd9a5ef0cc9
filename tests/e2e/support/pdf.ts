import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** How many pages a PDF has: one "/Type /Page" object per page (the tree node is "/Pages"). */
export const pdfPages = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;

/** The text of each page of a PDF, as poppler's `pdftotext` reads it: pages end in a form feed. */
export function pdfPageTexts(pdf: Buffer): string[] {
  const directory = mkdtempSync(path.join(os.tmpdir(), "fulcrum-pdf-"));
  try {
    const file = path.join(directory, "printed.pdf");
    writeFileSync(file, pdf);
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).split("\f").slice(0, -1);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
