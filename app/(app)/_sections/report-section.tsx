import Link from "next/link";
import { DataTable } from "@/app/_components/data-table";
import { numberWord } from "@/app/_components/number-words";
import { formatDay } from "@/lib/dates";
import { ownResponseCounts } from "@/server/dal/home";
import { EXACT_WHILE_LEFT, responseCountText } from "@/lib/response-count";
import type { Viewer } from "@/server/dal/viewer";
import { getDb } from "@/server/db";

export async function ReportSection({ viewer }: { viewer: Viewer }) {
  const counts = await ownResponseCounts(await getDb(), viewer);
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading" className="text-xl font-semibold">
        Your report
      </h2>
      {counts.length === 0 ? (
        <p className="mt-2 text-slate-700">Your team has not been invited to rate you yet.</p>
      ) : (
        <>
          {counts.some((row) => row.state === "closed") && (
            <p className="mt-2">
              <Link href="/report">Open your latest report</Link>
            </p>
          )}
          <DataTable
            scroll={false}
            caption="Responses from your team per cycle"
            density="roomy"
            className="mt-3 max-w-2xl"
            rows={counts}
            rowKey={(row) => row.cycleId}
            columns={[
              { header: "Cycle", rowHeader: true, cell: (row) => <Link href={`/report/${row.cycleId}`}>{row.cycleName}</Link> },
              { header: "Status", cell: (row) => (row.state === "open" ? `Open until ${formatDay(row.closesOn)}; results when it closes` : "Closed") },
              { header: "Responded", cell: (row) => responseCountText(row.count) },
            ]}
          />
          {counts.some((row) => row.count.atLeast) && (
            <p className="mt-2 max-w-2xl text-sm text-slate-700">
              Once fewer than {numberWord(EXACT_WHILE_LEFT)} are left to answer, the count stops at &ldquo;or more&rdquo; until the cycle closes, so that nobody
              can tell who the last ones are.
            </p>
          )}
        </>
      )}
    </section>
  );
}
