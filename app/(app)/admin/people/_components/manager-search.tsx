"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useTransition } from "react";
import { Button } from "@/app/_components/button";
import { StatusMessage } from "@/app/_components/status-message";
import { MANAGER_SEARCH_PARAM, MAX_QUERY_LENGTH } from "./manager-search-params";

interface ManagerSearchProps {
  /** The page the search comes back to. */
  path: string;
  /** The id of the picker's section, where the page opens again after a search without JavaScript. */
  fragment: string;
  /** Query parameters of the page to keep, such as the people list's own search. */
  keep?: Record<string, string>;
  id: string;
  label: string;
  defaultValue: string;
  /** What the last search found, in words; empty before any search. */
  summary: string;
}

/**
 * The first half of the manager picker: a search for active people by name or email, whose
 * matches the page lists as choices in the form beside it. It is an ordinary GET form, so it
 * works without JavaScript (the page comes back at the picker); with JavaScript the page is
 * read again in place, and what was typed in the other forms stays.
 */
export function ManagerSearch({ path, fragment, keep = {}, id, label, defaultValue, summary }: ManagerSearchProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams(keep);
    const query = new FormData(event.currentTarget).get(MANAGER_SEARCH_PARAM);
    if (typeof query === "string" && query.trim() !== "") params.set(MANAGER_SEARCH_PARAM, query.trim());
    startTransition(() => router.replace(`${path}?${params.toString()}#${fragment}`, { scroll: false }));
  }

  return (
    <form role="search" aria-label="Manager search" action={`${path}#${fragment}`} method="get" onSubmit={submit} className="space-y-1">
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <div className="flex flex-wrap items-end gap-2">
        <input
          id={id}
          name={MANAGER_SEARCH_PARAM}
          type="search"
          defaultValue={defaultValue}
          maxLength={MAX_QUERY_LENGTH}
          className="w-72 rounded-md border border-slate-400 bg-white px-3 py-2"
        />
        <Button type="submit" variant="outline" pending={pending}>
          Find manager
        </Button>
      </div>
      <StatusMessage>{pending ? "Searching…" : summary}</StatusMessage>
    </form>
  );
}
