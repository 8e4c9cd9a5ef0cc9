"use client";

import { useEffect } from "react";
import { clearAppStorage, type KeyValueStorage, sweepDrafts } from "@/lib/survey/drafts";
import { signOutAction } from "./sign-out-action";

/** The browser's storages that this page may use; a browser that blocks them has none. */
function browserStorages(): KeyValueStorage[] {
  const storages: KeyValueStorage[] = [];
  for (const name of ["localStorage", "sessionStorage"] as const) {
    try {
      storages.push(window[name]);
    } catch {
      // Storage blocked (a privacy setting): nothing of ours can be in it.
    }
  }
  return storages;
}

function eachStorage(act: (storage: KeyValueStorage) => void) {
  for (const storage of browserStorages()) {
    try {
      act(storage);
    } catch {
      // A storage that fails to answer holds nothing we could clear anyway.
    }
  }
}

/**
 * Sign out, and leave nothing of a half-filled survey behind in this browser (finding L7):
 * on a shared computer the next person could read the answers and the comment.
 *
 * Storage can only be cleared in the browser, so it is cleared as the form is submitted,
 * before the post leaves. Without JavaScript the form still posts and signs out; such a
 * browser cannot hold drafts, which are written by script. The button is on every
 * signed-in page, so it is also where the browser learns who is signed in now: on load it
 * removes drafts that are someone else's or whose cycle has closed by the server's `today`,
 * which covers the person who walked away without signing out.
 */
export function SignOutButton({ draftOwner, today }: { draftOwner: string; today: string }) {
  useEffect(() => {
    eachStorage((storage) => sweepDrafts(storage, draftOwner, today));
  }, [draftOwner, today]);

  return (
    <form action={signOutAction} onSubmit={() => eachStorage(clearAppStorage)}>
      <button type="submit" className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100">
        Sign out
      </button>
    </form>
  );
}
