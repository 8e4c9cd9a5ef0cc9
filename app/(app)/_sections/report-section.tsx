import Link from "next/link";
import { formatDay } from "@/lib/dates";
import { ownResponseCounts } from "@/server/dal/home";
import { responseCountText } from "@/server/dal/response-count";
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
          <table className="mt-3 w-full max-w-2xl rounded-lg border border-slate-200 bg-white text-left text-sm">
            <caption className="sr-only">Responses from your team per cycle</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-4 py-2">
                  Cycle
                </th>
                <th scope="col" className="px-4 py-2">
                  Status
                </th>
                <th scope="col" className="px-4 py-2">
                  Responded
                </th>
              </tr>
            </thead>
            <tbody>
              {counts.map((row) => (
                <tr key={row.cycleId} className="border-t border-slate-200">
                  <th scope="row" className="px-4 py-2 font-medium">
                    <Link href={`/report/${row.cycleId}`}>{row.cycleName}</Link>
                  </th>
                  <td className="px-4 py-2">{row.state === "open" ? `Open until ${formatDay(row.closesOn)}; results when it closes` : "Closed"}</td>
                  <td className="px-4 py-2">{responseCountText(row.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {counts.some((row) => row.count.atLeast) && (
            <p className="mt-2 max-w-2xl text-sm text-slate-700">
              Once fewer than three are left to answer, the count stops at &ldquo;or more&rdquo; until the cycle closes, so that nobody can tell who the last
              ones are.
            </p>
          )}
        </>
      )}
    </section>
  );
}
