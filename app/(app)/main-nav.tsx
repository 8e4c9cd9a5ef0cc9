"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export interface NavLink {
  href: string;
  label: string;
}

/** Whether a link leads to the page shown, or to the section it is in: Home only for itself. */
export const isCurrent = (href: string, pathname: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));

/** The main navigation, with the link to the page (or section) shown marked as current, for sight and for screen readers. */
export function MainNav({ links }: { links: readonly NavLink[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex-1">
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm font-medium">
        {links.map((link) => {
          const current = isCurrent(link.href, pathname);
          return (
            <li key={link.href}>
              <Link href={link.href} aria-current={current ? "page" : undefined} className={current ? "font-bold text-brand-900 underline" : undefined}>
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
