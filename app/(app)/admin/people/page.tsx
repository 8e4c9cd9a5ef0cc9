import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Button } from "@/app/_components/button";
import { DataTable } from "@/app/_components/data-table";
import { FIRST_SIGN_IN } from "@/server/dal/invitations";
import { PEOPLE_PAGE_SIZE, searchManagerCandidates, searchPeople } from "@/server/dal/people";
import { requireViewer } from "@/server/dal/session";
import { getDb } from "@/server/db";
import { env } from "@/server/env";
import { ManagerSearch } from "./_components/manager-search";
import { MANAGER_SEARCH_PARAM, managerSearchSummary, readManagerSearch } from "./_components/manager-search-params";
import { AddPersonForm } from "./add-person-form";

export const metadata: Metadata = { title: "People" };

const search = z.object({
  q: z.string().trim().max(200).catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export default async function PeoplePage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  if (!viewer.isAdmin) notFound();
  const searchParams = await props.searchParams;
  const { q, page } = search.parse(searchParams);
  const managerQuery = readManagerSearch(searchParams);
  const db = await getDb();
  const { rows, total } = await searchPeople(db, viewer, { query: q, page });
  const found = managerQuery ? await searchManagerCandidates(db, viewer, { query: managerQuery }) : { rows: [], total: 0 };
  const pages = Math.max(1, Math.ceil(total / PEOPLE_PAGE_SIZE));
  const link = (target: number) => `/admin/people?${new URLSearchParams({ ...(q ? { q } : {}), page: String(target) })}`;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">People</h1>
      <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <li>
          <a href="#add-person">Add a person</a>
        </li>
        <li>
          <Link href="/admin/people/import">Import the org chart</Link>
        </li>
        <li>
          {/* A file, not a page: the browser downloads it. */}
          <a href="/admin/people/export" download>
            Export the organisation (CSV)
          </a>
        </li>
      </ul>
      <form role="search" aria-label="Search people" className="flex flex-wrap items-end gap-2">
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
          {
            header: "Status",
            cell: (person) => (!person.isActive ? "Deactivated" : person.hasPassword || !env.passwordSignIn ? "Active" : "Active, no password yet"),
          },
        ]}
      />
      <nav aria-label="Pages" className="flex items-center gap-4 text-sm">
        {page > 1 && <Link href={link(page - 1)}>Previous page</Link>}
        <span>
          Page {Math.min(page, pages)} of {pages}
        </span>
        {page < pages && <Link href={link(page + 1)}>Next page</Link>}
      </nav>
      <section id="add-person" aria-labelledby="add-person-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="add-person-heading" className="text-lg font-semibold">
          Add a person
        </h2>
        <p className="max-w-2xl text-sm text-slate-700">
          One person at a time, by the same rules as an import: a work email nobody else has, and an active manager. Find their manager first, then fill in the
          rest. {FIRST_SIGN_IN}
        </p>
        <ManagerSearch
          path="/admin/people"
          fragment="add-person"
          keep={{ ...(q ? { q } : {}), ...(page > 1 ? { page: String(page) } : {}) }}
          id={`${MANAGER_SEARCH_PARAM}-search`}
          label="Find their manager by name or email"
          defaultValue={managerQuery}
          summary={managerSearchSummary(managerQuery, found)}
        />
        <AddPersonForm candidates={found.rows} />
      </section>
    </div>
  );
}
