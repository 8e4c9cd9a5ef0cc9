import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DataTable } from "@/app/_components/data-table";
import { numberWord } from "@/app/_components/number-words";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, MAX_NAME_LENGTH, ORG_IMPORT_COLUMNS, type OrgImportColumn, ORG_IMPORT_TEMPLATE } from "@/lib/org-import";
import { requireViewer } from "@/server/dal/session";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import the org chart" };

const TEMPLATE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(ORG_IMPORT_TEMPLATE)}`;

const MEANINGS: Record<OrgImportColumn, string> = {
  email: "Their work email. Each person once; upper and lower case are the same.",
  name: `Their full name, up to ${MAX_NAME_LENGTH} characters.`,
  manager_email: "Their manager's email. The manager must be in the file too. Empty for the top of the tree.",
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
          Upload the whole organisation as a CSV file. The file replaces the reporting tree: everyone in it is active afterwards, and every active person who is
          not in it is deactivated. Open cycles keep the reporting lines they started with.
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
