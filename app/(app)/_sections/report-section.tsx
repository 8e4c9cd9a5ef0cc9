import { formatDay } from "@/lib/dates";
import { ownResponseCounts } from "@/server/dal/home";
import type { Viewer } from "@/server/dal/viewer";
import { getDb } from "@/server/db";

export async function ReportSection({ viewer, level = 2 }: { viewer: Viewer; level?: 1 | 2 }) {
  const Heading = level === 1 ? "h1" : "h2";
  const counts = await ownResponseCounts(await getDb(), viewer);
  return (
    <section aria-labelledby="report-heading">
      <Heading id="report-heading" className={level === 1 ? "text-2xl font-bold" : "text-xl font-semibold"}>
        Your report
      </Heading>
      {counts.length === 0 ? (
        <p className="mt-2 text-slate-700">Your team has not been invited to rate you yet.</p>
      ) : (
        <table className="mt-3 w-full max-w-2xl rounded-lg border border-slate-200 bg-white text-left text-sm">
          <caption className="sr-only">Responses from your team per cycle</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-4 py-2">Cycle</th>
              <th scope="col" className="px-4 py-2">Status</th>
              <th scope="col" className="px-4 py-2">Responses</th>
            </tr>
          </thead>
          <tbody>
            {counts.map((row) => (
              <tr key={row.cycleId} className="border-t border-slate-200">
                <th scope="row" className="px-4 py-2 font-medium">{row.cycleName}</th>
                <td className="px-4 py-2">
                  {row.state === "open" ? `Open until ${formatDay(row.closesOn)}; results when it closes` : "Closed"}
                </td>
                <td className="px-4 py-2">
                  {row.responded} of {row.invited} responded
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
