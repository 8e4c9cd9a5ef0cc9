import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Button } from "@/app/_components/button";
import { DataTable } from "@/app/_components/data-table";
import { formatDay, formatInstant, isSearchableDay, SEARCHABLE_FROM } from "@/lib/dates";
import { auditSentence } from "@/lib/audit-sentences";
import { AUDIT_ACTION_NAMES, AUDIT_ACTIONS, listAudit } from "@/server/dal/audit";
import { requireViewer } from "@/server/dal/session";
import { getDb } from "@/server/db";

export const metadata: Metadata = { title: "Audit log" };

const day = z.string().refine(isSearchableDay);
const filterSchema = z.object({
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

/** The date fields of the address that were given but are not days the log can be searched by. */
function refusedDays(params: Record<string, string | string[] | undefined>) {
  const label = { from: "From", to: "To" } as const;
  return (["from", "to"] as const).filter((name) => params[name] && !day.safeParse(params[name]).success).map((name) => label[name]);
}

export default async function AuditPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  if (!viewer.isAdmin) notFound();
  const params = await props.searchParams;
  const filter = filterSchema.parse(params);
  const refused = refusedDays(params);
  const { entries, hasMore } = await listAudit(await getDb(), viewer, filter);
  const link = (page: number) =>
    `/admin/audit?${new URLSearchParams(Object.entries({ ...filter, page: String(page) }).filter((entry): entry is [string, string] => Boolean(entry[1])))}`;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Audit log</h1>
      <p className="max-w-2xl text-slate-700">Every administrator action, newest first. It cannot be edited or deleted, and it never holds survey answers.</p>
      <form className="flex flex-wrap items-end gap-3" aria-label="Filter the audit log">
        <div>
          <label htmlFor="action" className="block text-sm font-medium">
            Action
          </label>
          <select id="action" name="action" defaultValue={filter.action ?? ""} className="mt-1 rounded-md border border-slate-400 bg-white px-3 py-2">
            <option value="">All actions</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {AUDIT_ACTION_NAMES[action]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="from" className="block text-sm font-medium">
            From
          </label>
          <input id="from" name="from" type="date" defaultValue={filter.from} className="mt-1 rounded-md border border-slate-400 bg-white px-3 py-2" />
        </div>
        <div>
          <label htmlFor="to" className="block text-sm font-medium">
            To
          </label>
          <input id="to" name="to" type="date" defaultValue={filter.to} className="mt-1 rounded-md border border-slate-400 bg-white px-3 py-2" />
        </div>
        <Button type="submit">Filter</Button>
      </form>
      {refused.length > 0 && (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
          {refused.join(" and ")}: not a date the log can be searched by (a day from {formatDay(SEARCHABLE_FROM)}, as YYYY-MM-DD), so the filter leaves it out.
        </p>
      )}
      <DataTable
        caption="Audit log entries"
        className="min-w-[36rem]"
        alignTop
        rows={entries}
        rowKey={(entry) => entry.id}
        empty="Nothing matches this filter."
        columns={[
          { header: "When (UTC)", className: "whitespace-nowrap", cell: (entry) => formatInstant(entry.occurredAt) },
          {
            header: "What happened",
            cell: (entry) => {
              const { sentence, details } = auditSentence(entry);
              return (
                <>
                  <p>{sentence}</p>
                  {details.length > 0 && (
                    <ul className="mt-1 space-y-0.5 text-sm text-slate-700">
                      {details.map((line, index) => (
                        <li key={index}>{line}</li>
                      ))}
                    </ul>
                  )}
                </>
              );
            },
          },
        ]}
      />
      <nav aria-label="Pages" className="flex gap-4 text-sm">
        {filter.page > 1 && <Link href={link(filter.page - 1)}>Newer entries</Link>}
        {hasMore && <Link href={link(filter.page + 1)}>Older entries</Link>}
      </nav>
    </div>
  );
}
