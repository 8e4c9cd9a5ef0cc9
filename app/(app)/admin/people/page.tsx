import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { PEOPLE_PAGE_SIZE, searchPeople } from "@/server/dal/people";
import { requireViewer } from "@/server/dal/session";
import { getDb } from "@/server/db";

export const metadata: Metadata = { title: "People" };

const search = z.object({
  q: z.string().trim().max(200).catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export default async function PeoplePage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  if (!viewer.isAdmin) notFound();
  const { q, page } = search.parse(await props.searchParams);
  const { rows, total } = await searchPeople(await getDb(), viewer, { query: q, page });
  const pages = Math.max(1, Math.ceil(total / PEOPLE_PAGE_SIZE));
  const link = (target: number) => `/admin/people?${new URLSearchParams({ ...(q ? { q } : {}), page: String(target) })}`;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">People</h1>
      <form role="search" className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="q" className="block text-sm font-medium">
            Search by name or email
          </label>
          <input id="q" name="q" type="search" defaultValue={q} className="mt-1 w-72 rounded-md border border-slate-400 bg-white px-3 py-2" />
        </div>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">
          Search
        </button>
      </form>
      <p className="text-sm text-slate-700" aria-live="polite">
        {total === 1 ? "1 person" : `${total.toLocaleString("en")} people`}
        {q && <> matching &ldquo;{q}&rdquo;</>}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[40rem] rounded-lg border border-slate-200 bg-white text-left text-sm">
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-3 py-2">
                Name
              </th>
              <th scope="col" className="px-3 py-2">
                Email
              </th>
              <th scope="col" className="px-3 py-2">
                Manager
              </th>
              <th scope="col" className="px-3 py-2">
                Status
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((person) => (
              <tr key={person.id} className="border-t border-slate-200">
                <th scope="row" className="px-3 py-2 font-medium">
                  <Link href={`/admin/people/${person.id}`}>{person.name}</Link>
                  {person.isAdmin && <span className="ml-2 rounded bg-brand-100 px-1.5 text-xs text-brand-900">admin</span>}
                </th>
                <td className="px-3 py-2 break-all">{person.email}</td>
                <td className="px-3 py-2">{person.managerName ?? "–"}</td>
                <td className="px-3 py-2">{!person.isActive ? "Deactivated" : person.hasPassword ? "Active" : "Active, no password yet"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Pages" className="flex items-center gap-4 text-sm">
        {page > 1 && <Link href={link(page - 1)}>Previous page</Link>}
        <span>
          Page {Math.min(page, pages)} of {pages}
        </span>
        {page < pages && <Link href={link(page + 1)}>Next page</Link>}
      </nav>
    </div>
  );
}
