import { formatInstant } from "@/lib/dates";
import { passwordNotice } from "@/server/dal/password-notice";
import type { Viewer } from "@/server/dal/viewer";
import { getDb } from "@/server/db";

/** Tells a person, once signed in again, that their password was set through a link since their last visit. */
export async function PasswordNoticeBanner({ viewer }: { viewer: Viewer }) {
  const notice = await passwordNotice(await getDb(), viewer);
  if (!notice) return null;
  const through = notice.linkBy ? `a link that ${notice.linkBy} (an administrator) sent you` : "a link you asked for on the sign-in page";
  return (
    <p role="note" className="rounded-md border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-900">
      Your password was last set on {formatInstant(notice.setAt)} UTC, through {through}. If that was not you, tell your administrator.
    </p>
  );
}
