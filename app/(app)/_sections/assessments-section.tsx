import Link from "next/link";
import { formatDay } from "@/lib/dates";
import { openAssessmentsFor } from "@/server/dal/assessments";
import type { Viewer } from "@/server/dal/viewer";
import { getDb } from "@/server/db";

export async function AssessmentsSection({ viewer }: { viewer: Viewer }) {
  const assessments = await openAssessmentsFor(await getDb(), viewer);
  return (
    <section aria-labelledby="assessments-heading">
      <h2 id="assessments-heading" className="text-xl font-semibold">
        Your assessments
      </h2>
      {assessments.length === 0 ? (
        <p className="mt-2 text-slate-700">There is nothing for you to rate right now. Open assessments appear here.</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {assessments.map((item) => (
            <li key={`${item.cycleId}:${item.managerId}`} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
              <div>
                <p className="font-medium">
                  <Link href={`/assessments/${item.cycleId}/${item.managerId}`}>{item.isSelf ? "Your self-assessment" : `Rate ${item.managerName}`}</Link>
                </p>
                <p className="text-sm text-slate-700">
                  {item.cycleName} · due {formatDay(item.closesOn)}
                </p>
              </div>
              <span
                className={
                  item.done
                    ? "rounded-full bg-emerald-100 px-3 py-1 text-sm font-medium text-emerald-900"
                    : "rounded-full bg-amber-100 px-3 py-1 text-sm font-medium text-amber-900"
                }
              >
                {item.done ? "Done" : "Not done yet"}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
