import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Button } from "@/app/_components/button";
import { DataTable } from "@/app/_components/data-table";
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
        <Button type="submit">Search</Button>
      </form>
      <p className="text-sm text-slate-700" aria-live="polite">
        {total === 1 ? "1 person" : `${total.toLocaleString("en")} people`}
        {q && <> matching &ldquo;{q}&rdquo;</>}
      </p>
      <DataTable
        className="min-w-[40rem]"
        rows={rows}
        rowKey={(person) => person.id}
        columns={[
          {
            header: "Name",
            rowHeader: true,
            cell: (person) => (
              <>
                <Link href={`/admin/people/${person.id}`}>{person.name}</Link>
                {person.isAdmin && <span className="ml-2 rounded bg-brand-100 px-1.5 text-xs text-brand-900">admin</span>}
              </>
            ),
          },
          { header: "Email", className: "break-all", cell: (person) => person.email },
          { header: "Manager", cell: (person) => person.managerName ?? "–" },
          { header: "Status", cell: (person) => (!person.isActive ? "Deactivated" : person.hasPassword ? "Active" : "Active, no password yet") },
        ]}
      />
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
