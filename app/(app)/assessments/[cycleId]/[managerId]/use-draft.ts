"use client";

import { useCallback, useEffect, useState } from "react";

export interface Draft {
  answers: Record<string, string>;
  comment: string;
}

const empty: Draft = { answers: {}, comment: "" };

/**
 * A half-finished survey, kept only in this browser's storage, so that it survives a
 * reload without the server ever holding answers that could be tied to the rater.
 */
export function useDraft(key: string) {
  const [draft, setDraft] = useState<Draft>(empty);

  useEffect(() => {
    try {
      const stored = window.localStorage.getItem(key);
      // Reading storage can only happen after hydration; the server renders an empty form.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      if (stored) setDraft({ ...empty, ...(JSON.parse(stored) as Partial<Draft>) });
    } catch {
      // Storage may be disabled or hold something unreadable: start afresh.
    }
  }, [key]);

  const update = useCallback(
    (change: (previous: Draft) => Draft) => {
      setDraft((previous) => {
        const next = change(previous);
        try {
          window.localStorage.setItem(key, JSON.stringify(next));
        } catch {
          // Without storage the survey still works; it just will not survive a reload.
        }
        return next;
      });
    },
    [key],
  );

  const clear = useCallback(() => {
    try {
      window.localStorage.removeItem(key);
    } catch {
      // Nothing to clear.
    }
  }, [key]);

  return { draft, update, clear };
}
