import { AdminLinks } from "../admin/admin-links";
import { adminOverview } from "@/server/dal/home";
import type { Viewer } from "@/server/dal/viewer";
import { getDb } from "@/server/db";

export async function AdminSection({ viewer, level = 2 }: { viewer: Viewer; level?: 1 | 2 }) {
  const Heading = level === 1 ? "h1" : "h2";
  const overview = await adminOverview(await getDb(), viewer);
  const figures = [
    { label: "Active people", value: overview.activePeople },
    { label: "Deactivated people", value: overview.inactivePeople },
    { label: "Draft cycles", value: overview.cycles.draft ?? 0 },
    { label: "Open cycles", value: overview.cycles.open ?? 0 },
    { label: "Closed cycles", value: overview.cycles.closed ?? 0 },
  ];
  return (
    <section aria-labelledby="admin-heading">
      <Heading id="admin-heading" className={level === 1 ? "text-2xl font-bold" : "text-xl font-semibold"}>
        Administration
      </Heading>
      <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-5">
        {figures.map((figure) => (
          <div key={figure.label} className="rounded-lg border border-slate-200 bg-white px-4 py-3">
            <dt className="text-sm text-slate-700">{figure.label}</dt>
            <dd className="text-2xl font-semibold">{figure.value}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-4">
        <AdminLinks />
      </div>
    </section>
  );
}
