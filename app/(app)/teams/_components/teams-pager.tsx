import Link from "next/link";
import { formatCount } from "@/lib/format";
import { pageLinks, type PageSpan } from "@/lib/teams/paging";

const LINK = "inline-block min-w-9 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-center no-underline";
const CURRENT = "inline-block min-w-9 rounded-md bg-brand-700 px-2.5 py-1 text-center font-semibold text-white";
const UNAVAILABLE = "inline-block rounded-md px-2.5 py-1 text-slate-500";

/**
 * Links to the other pages of the table: previous and next, the first and the last, and
 * the pages around this one. Plain links, so they work without JavaScript.
 */
export function TeamsPager({ span, href }: { span: PageSpan; href: (page: number) => string }) {
  if (span.pages === 1) return null;
  const step = (page: number, label: string, rel: "prev" | "next") =>
    page < 1 || page > span.pages ? (
      <span className={UNAVAILABLE}>{label}</span>
    ) : (
      <Link href={href(page)} prefetch={false} rel={rel} className={LINK}>
        {label}
      </Link>
    );
  return (
    <nav aria-label="Pages of the teams table">
      <ul className="flex flex-wrap items-center gap-1.5 text-sm">
        <li>{step(span.page - 1, "← Previous", "prev")}</li>
        {pageLinks(span.page, span.pages).map((entry, i) => (
          <li key={entry === "gap" ? `gap-${i}` : entry}>
            {entry === "gap" ? (
              <span aria-hidden="true" className="px-1 text-slate-600">
                …
              </span>
            ) : entry === span.page ? (
              <span aria-current="page" className={CURRENT}>
                <span className="sr-only">Page </span>
                {formatCount(entry)}
              </span>
            ) : (
              <Link href={href(entry)} prefetch={false} className={LINK}>
                <span className="sr-only">Page </span>
                {formatCount(entry)}
              </Link>
            )}
          </li>
        ))}
        <li>{step(span.page + 1, "Next →", "next")}</li>
      </ul>
    </nav>
  );
}
