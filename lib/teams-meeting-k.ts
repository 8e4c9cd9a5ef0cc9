/**
 * How many teams of an open cycle would get results if it closed now: those with at least
 * k respondents (PRODUCT.md, anonymity rule 5; lib/scoring `retainAtClose` keeps nothing
 * else). Counted through the one open-cycle rule (`countWhileOpen`), never from the exact
 * counts: a team whose visible count is "N − 2 or more of N" with k inside that range
 * cannot be told apart from one that missed k, or the total would tick when one of the last
 * two people of a team answered. Such a team is counted as one that "may" meet k. Only the
 * totals leave this function, never a team's own count.
 */
import { countWhileOpen, EXACT_WHILE_LEFT } from "./response-count";

/** One team of the cycle's snapshot: the reps invited to rate its manager, and how many did. */
export interface TeamProgress {
  invited: number;
  responded: number;
}

export interface TeamsMeetingK {
  /** The cycle's frozen k. */
  k: number;
  /** Teams in the cycle's snapshot. */
  teams: number;
  /** Teams whose visible count already shows at least k. */
  meet: number;
  /** Teams whose visible count cannot tell: k lies between its floor and its size. */
  mayMeet: number;
}

export function teamsMeetingK(teams: readonly TeamProgress[], k: number): TeamsMeetingK {
  let meet = 0;
  let mayMeet = 0;
  for (const { invited, responded } of teams) {
    const shown = countWhileOpen(responded, invited);
    if (shown.responded >= k) meet++;
    else if (shown.atLeast && invited >= k) mayMeet++;
  }
  return { k, teams: teams.length, meet, mayMeet };
}

const teams = (count: number) => `${count} ${count === 1 ? "team" : "teams"}`;

/**
 * The sentence for the close's confirmation, from the totals alone: "Results will be shown
 * for 5 of 8 teams: those with at least 3 respondents (k). The other 3 teams keep only their
 * counts." Where some teams' counts cannot tell, it says "at least" and why, never a guess.
 */
export function teamsMeetingKText(count: TeamsMeetingK): string {
  const { k, meet, mayMeet } = count;
  if (count.teams === 0) return "Nobody was invited to rate anyone in this cycle, so it will have no results.";
  if (meet === 0 && mayMeet === 0)
    return `No team has reached ${k} respondents (k) yet, so closing now shows no results: every team keeps only its count, no answers.`;
  const below = count.teams - meet - mayMeet;
  const why = `while a cycle is open, the counts never show when a team's last ${EXACT_WHILE_LEFT - 1} people answer.`;
  const shown =
    meet === 0
      ? `No team is sure yet to have ${k} respondents (k), the least for results, but ${teams(mayMeet)} of ${count.teams} may: ${why}`
      : `Results will be shown for ${mayMeet > 0 ? "at least " : ""}${meet} of ${teams(count.teams)}: those with at least ${k} respondents (k).${
          mayMeet > 0 ? ` ${teams(mayMeet)} may have reached it too: ${why}` : ""
        }`;
  const rest =
    below === 0
      ? ""
      : ` ${below === 1 ? "The other team" : `The other ${below} teams`} will keep only ${below === 1 ? "its count" : "their counts"}, no answers.`;
  return `${shown}${rest}`;
}
