import { selectRows } from "@/db/raw";
import { closeDueCycles } from "@/server/cycles/close";
import { type CycleRow, cyclesQuery, teamsQuery, type TeamSummaryRow } from "@/server/dal/teams-queries";
import { loadViewer } from "@/server/dal/viewer";
import { summarise, time } from "./stats.mjs";
import type { Measurement } from "./types.mjs";

/**
 * The SQL floor of /teams: the statements the page runs for the benchmark account, one
 * after the other on one pool, without the app around them. The page cannot be faster
 * than this; the difference is Next.js, React and the domain code.
 */
export const teamsSql: Measurement = {
  name: "teams-sql",
  needsApp: false,
  async run({ db, viewer, runs, warmup }) {
    const all = await selectRows<CycleRow>(db, cyclesQuery(viewer.id));
    const first = all.find((cycle) => cycle.accessible && cycle.state === "closed");
    if (!first) throw new Error("The benchmark account has no closed cycle with teams below it.");
    const previous = all.slice(all.indexOf(first) + 1).find((cycle) => cycle.state === "closed");
    let teams = 0;
    const page = async () => {
      await loadViewer(db, viewer.id);
      await closeDueCycles(db);
      await selectRows<CycleRow>(db, cyclesQuery(viewer.id));
      teams = (await selectRows<TeamSummaryRow>(db, teamsQuery(viewer.id, first.id, previous?.id ?? null))).length;
    };
    const floor = summarise(await time(page, runs, warmup));
    const alone = summarise(await time(() => selectRows(db, teamsQuery(viewer.id, first.id, previous?.id ?? null)), runs, warmup));
    return [
      {
        name: "/teams SQL floor (4 statements)",
        detail: "Viewer, due-cycle check, cycles with access and k, teams: the page's statements in order.",
        notes: `${teams} teams, ${first.name} vs ${previous?.name ?? "none"}`,
        ...floor,
      },
      {
        name: "teams query on cycle_team_summaries",
        detail: "Recursive walk of the snapshot plus both cycles' statistics and situations: the summary table the app keeps.",
        notes: `${teams} rows`,
        ...alone,
      },
    ];
  },
};
