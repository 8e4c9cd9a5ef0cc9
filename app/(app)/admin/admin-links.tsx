import Link from "next/link";

const LINKS = [
  { href: "/admin/people", label: "People", description: "Search, edit, deactivate, and send sign-in links." },
  { href: "/admin/people/import", label: "Import the org chart", description: "Load the reporting tree from a CSV file." },
  { href: "/admin/cycles", label: "Cycles", description: "Create, open and close assessment cycles." },
  { href: "/admin/participation", label: "Participation", description: "How many of each team have answered in the open cycle: counts only." },
  { href: "/admin/settings", label: "Anonymity thresholds", description: "Minimum raters and commenters." },
  { href: "/admin/audit", label: "Audit log", description: "Every administrator action, on the record." },
];

export function AdminLinks() {
  return (
    <nav aria-label="Administration">
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {LINKS.map((link) => (
          <li key={link.href} className="rounded-lg border border-slate-200 bg-white p-4">
            <Link href={link.href} className="font-semibold">
              {link.label}
            </Link>
            <p className="text-sm text-slate-700">{link.description}</p>
          </li>
        ))}
      </ul>
    </nav>
  );
}
