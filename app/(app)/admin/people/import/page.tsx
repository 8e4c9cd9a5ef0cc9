import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DataTable } from "@/app/_components/data-table";
import { numberWord } from "@/app/_components/number-words";
import {
  MASS_DEACTIVATION_PERCENT,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  MAX_NAME_LENGTH,
  ORG_IMPORT_COLUMNS,
  type OrgImportColumn,
  ORG_IMPORT_TEMPLATE,
} from "@/lib/org-import";
import { requireViewer } from "@/server/dal/session";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import the org chart" };

const TEMPLATE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(ORG_IMPORT_TEMPLATE)}`;

const MEANINGS: Record<OrgImportColumn, string> = {
  email: "Their work email. Each person once; upper and lower case are the same.",
  name: `Their full name, up to ${MAX_NAME_LENGTH} characters.`,
  manager_email:
    "Their manager's email, or empty for the top of the tree. The manager must be in the file, or (adding and updating only) already active in Fulcrum.",
  admin: "true or false (yes/no and 1/0 work too). Empty means false.",
};

export default async function ImportPage() {
  const viewer = await requireViewer();
  if (!viewer.isAdmin) notFound();
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <p className="text-sm">
          <Link href="/admin/people" className="underline">
            People
          </Link>{" "}
          › Import
        </p>
        <h1 className="text-2xl font-bold">Import the org chart</h1>
        <p className="max-w-3xl">
          Upload people as a CSV file. Everyone in it is active afterwards, with the manager the file gives them. By default the import only adds and updates:
          nobody who is missing from the file is deactivated. A full replace also deactivates every active person who is not in the file; it asks you to confirm
          how many, and a second time when that is more than {MASS_DEACTIVATION_PERCENT}% of the people active. Open cycles keep the reporting lines they
          started with.
        </p>
        <p className="max-w-3xl">
          To start from the organisation as it is,{" "}
          <a href="/admin/people/export" download className="underline">
            export it in this format
          </a>
          : importing that file unchanged changes nothing.
        </p>
      </div>

      <section aria-labelledby="format-heading" className="space-y-3">
        <h2 id="format-heading" className="text-lg font-semibold">
          The file
        </h2>
        <p className="max-w-3xl">
          A CSV file in UTF-8, with commas between values, at most {MAX_IMPORT_BYTES / (1024 * 1024)} MB and {MAX_IMPORT_ROWS.toLocaleString("en")} people. Its
          first line names these {numberWord(ORG_IMPORT_COLUMNS.length)} columns, in any order:
        </p>
        <DataTable
          className="min-w-[36rem]"
          rows={ORG_IMPORT_COLUMNS}
          rowKey={(column) => column}
          columns={[
            { header: "Column", rowHeader: true, className: "font-mono", cell: (column) => column },
            { header: "What goes in it", cell: (column) => MEANINGS[column] },
          ]}
        />
        <p className="max-w-3xl">
          A spreadsheet may read a value that starts with =, +, - or @ as a formula, so an export puts an apostrophe before it; the import takes that apostrophe
          off again.
        </p>
        <p>For example:</p>
        <pre className="overflow-x-auto rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm">{ORG_IMPORT_TEMPLATE}</pre>
        <p>
          <a href={TEMPLATE_HREF} download="org-chart-template.csv">
            Download this example as a template
          </a>
        </p>
      </section>

      <section aria-labelledby="upload-heading" className="space-y-3">
        <h2 id="upload-heading" className="text-lg font-semibold">
          Upload
        </h2>
        <ImportForm />
      </section>
    </div>
  );
}
