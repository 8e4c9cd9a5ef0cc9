/** How many pages a PDF has: one "/Type /Page" object per page (the tree node is "/Pages"). */
export const pdfPages = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
