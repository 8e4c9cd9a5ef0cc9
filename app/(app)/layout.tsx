import Link from "next/link";
import { clock } from "@/lib/clock";
import { draftOwner } from "@/lib/survey/drafts";
import { requireViewer } from "@/server/dal/session";
import { MainNav } from "./main-nav";
import { SignOutButton } from "./sign-out-button";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireViewer();
  const links = [
    { href: "/", label: "Home", show: true },
    { href: "/report", label: "My report", show: viewer.hasDirectReports },
    { href: "/teams", label: "Teams", show: viewer.hasIndirectReports },
    { href: "/admin", label: "Administration", show: viewer.isAdmin },
  ].filter((link) => link.show);
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:bg-white focus:p-2">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="text-lg font-bold text-brand-900 no-underline">
            Fulcrum
          </Link>
          <MainNav links={links.map(({ href, label }) => ({ href, label }))} />
          <div className="flex items-center gap-3 text-sm">
            <span className="text-slate-700">{viewer.name}</span>
            <SignOutButton draftOwner={draftOwner(viewer.id)} today={clock.today()} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
