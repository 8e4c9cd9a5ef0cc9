"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import { Button } from "@/app/_components/button";
import { ONE_SIDED } from "@/lib/vocabulary";
import { FIT_GAP_LIMIT, MAX_QUERY_LENGTH, type SubTeamGroup, type TeamsFilter, type TeamsView, viewQuery } from "@/lib/teams/view";

interface FiltersProps {
  /** The cycle's teams page, where the form goes. */
  action: string;
  view: TeamsView;
  subTeams: SubTeamGroup[];
  /** The id of what the viewer narrowed: "Show teams" takes them there. */
  resultsId: string;
  /** After the button: "Clear filters", a link. */
  children?: ReactNode;
}

const filterOf = ({ sub, lopsided, fit, uncommitted, q }: TeamsView): TeamsFilter => ({ sub, lopsided, fit, uncommitted, q });

/**
 * The filters, a plain GET form to the teams page: without JavaScript, "Show teams" loads
 * the view. With it, a sub-team or a checkbox applies as it changes, and the search when
 * submitted, by the same URL with no reload; the server sorts, filters and pages.
 * Any filter starts again from the first page.
 */
export function TeamsFilters({ action, view, subTeams, resultsId, children }: FiltersProps) {
  const router = useRouter();
  const ids = useId();
  const [draft, setDraft] = useState(() => filterOf(view));
  // The URL's view wins when it changes from outside the form: a link, Back, "Clear filters".
  const query = viewQuery(view);
  const [shown, setShown] = useState(query);
  if (shown !== query) {
    setShown(query);
    setDraft(filterOf(view));
  }

  const go = (filter: TeamsFilter) => router.replace(`${action}${viewQuery({ ...view, ...filter, page: 1 })}`, { scroll: false });
  const apply = (patch: Partial<TeamsFilter>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    go(next);
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    go(draft);
    document.getElementById(resultsId)?.focus();
  };

  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-label="Filter the teams"
      className="flex flex-wrap items-end gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-4"
      onSubmit={submit}
    >
      <input type="hidden" name="sort" value={view.sort} />
      <input type="hidden" name="dir" value={view.dir} />
      <div>
        <label htmlFor={`${ids}-q`} className="block text-sm font-medium">
          Search by name
        </label>
        <input
          id={`${ids}-q`}
          name="q"
          type="search"
          maxLength={MAX_QUERY_LENGTH}
          value={draft.q}
          onChange={(event) => setDraft({ ...draft, q: event.target.value })}
          className="mt-1 block w-56 rounded-md border border-slate-400 bg-white px-3 py-1.5"
        />
      </div>
      <div>
        <label htmlFor={`${ids}-sub`} className="block text-sm font-medium">
          Sub-team
        </label>
        <select
          id={`${ids}-sub`}
          name="sub"
          value={draft.sub ?? ""}
          onChange={(event) => apply({ sub: event.target.value || null })}
          className="mt-1 block max-w-72 rounded-md border border-slate-400 bg-white px-3 py-1.5"
        >
          <option value="">All teams below you</option>
          {subTeams.map((group) => (
            <optgroup key={group.leader ?? ""} label={group.leader === null ? "Reporting to you" : `Reporting to ${group.leader}`}>
              {group.options.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name} ({option.teams} {option.teams === 1 ? "team" : "teams"})
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <fieldset className="flex flex-wrap gap-x-4 gap-y-1">
        <legend className="text-sm font-medium">Only teams</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="lopsided" value="1" checked={draft.lopsided} onChange={(event) => apply({ lopsided: event.target.checked })} />
          with a {ONE_SIDED} aspect
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="fit" value="1" checked={draft.fit} onChange={(event) => apply({ fit: event.target.checked })} />
          more than {FIT_GAP_LIMIT} from what their situation calls for
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="uncommitted" value="1" checked={draft.uncommitted} onChange={(event) => apply({ uncommitted: event.target.checked })} />
          with no commitment
        </label>
      </fieldset>
      <Button type="submit" size="toolbar">
        Show teams
      </Button>
      {children}
    </form>
  );
}
