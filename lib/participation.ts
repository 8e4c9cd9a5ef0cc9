/**
 * Participation while a cycle is open, for administrators: how much of the organisation
 * has answered, team by team, and how many days the cycle still takes answers. Counts
 * only, never who has or has not answered.
 *
 * Every number here is computed from the team counts as `countWhileOpen` shows them
 * (lib/response-count.ts), never from the exact ones. That is the point of the module:
 *
 * The per-team counts are coarsened ("5 or more of 7") once fewer than three of a team are
 * left. An exact organisation total next to them would undo that: with every other team
 * still exact, the total minus their counts is the coarsened team's exact count, and its
 * next tick says that one of its last two has just answered. Coarsening the exact total with
 * the same rule (`countWhileOpen(Σn, ΣN)`) does not help, because it stays exact for as
 * long as three people anywhere in the organisation are left, which is nearly always.
 *
 * So the organisation's figure is the sum of the counts the teams show: exact when every
 * team is exact, and otherwise a floor ("at least"), with the ceiling that the same shown
 * counts allow (a coarsened team may have finished). Both are functions of what the team
 * table already shows, so together with it they tell nobody anything more.
 */
import { startOfDay } from "./dates";
import type { ResponseCount } from "./response-count";

/** The organisation's responses, added up from the team counts as they are shown. */
export interface OrgCount {
  /** Raters invited, over every team (N). Never coarsened: the snapshot is no secret. */
  invited: number;
  /** The sum of the shown team counts: exact when `atLeast` is false, otherwise a floor. */
  responded: number;
  /** The most the shown counts allow: every coarsened team's raters all answered. Equals `responded` when exact. */
  respondedAtMost: number;
  /** Whether some team's count is a floor, so that the sum is a floor too. */
  atLeast: boolean;
  /** How many teams were added up, and how many of them show a floor. */
  teams: number;
  teamsAtLeast: number;
}

/** Adds up the team counts as `countWhileOpen` shows them; never give it an exact count that was not shown. */
export function orgCount(teams: readonly ResponseCount[]): OrgCount {
  let invited = 0;
  let responded = 0;
  let respondedAtMost = 0;
  let teamsAtLeast = 0;
  for (const team of teams) {
    invited += team.invited;
    responded += team.responded;
    respondedAtMost += team.atLeast ? team.invited : team.responded;
    if (team.atLeast) teamsAtLeast++;
  }
  return { invited, responded, respondedAtMost, atLeast: teamsAtLeast > 0, teams: teams.length, teamsAtLeast };
}

/** The whole percentage of `invited` that `responded` is, rounded down, so that "58% or more" is never more than true; null with nobody invited. */
export function percentOf(responded: number, invited: number): number | null {
  if (invited <= 0) return null;
  return Math.floor((100 * responded) / invited);
}

/** The organisation's count in words: "30 of 52", or with a floor "30 or more of 52". */
export function orgCountText(org: OrgCount): string {
  return org.atLeast ? `${org.responded} or more of ${org.invited}` : `${org.responded} of ${org.invited}`;
}

/**
 * A response rate in words, for a team or the organisation: "42%", "71% or more", and
 * "–" when there is no figure: nobody invited, or a team of one or two, whose count
 * `countWhileOpen` never gives.
 */
export function rateText(count: { invited: number; responded: number; atLeast: boolean }): string {
  const percent = percentOf(count.responded, count.invited);
  if (percent === null || (count.atLeast && count.responded === 0)) return "–";
  return count.atLeast ? `${percent}% or more` : `${percent}%`;
}

/**
 * The order of the team table: the lowest share answered first (the teams to encourage),
 * by the shown count's floor; teams with no number at all (one or two invited) last; then
 * by the manager's name and id, so that the order is total. It reads only the shown counts,
 * so it says no more than they do.
 */
export function byLowestShare<Team extends { managerName: string; managerId: string; count: ResponseCount }>(teams: readonly Team[]): Team[] {
  const noNumber = (team: Team) => team.count.atLeast && team.count.responded === 0;
  // Compared as cross-products, which are exact integers, rather than as rounded fractions.
  const share = (a: Team, b: Team) => a.count.responded * b.count.invited - b.count.responded * a.count.invited;
  return [...teams].sort(
    (a, b) =>
      Number(noNumber(a)) - Number(noNumber(b)) ||
      share(a, b) ||
      (a.managerName < b.managerName ? -1 : a.managerName > b.managerName ? 1 : 0) ||
      (a.managerId < b.managerId ? -1 : a.managerId > b.managerId ? 1 : 0),
  );
}

const DAY_MS = 86_400_000;

/**
 * How many days a cycle still takes answers, today included: it takes them through its
 * close date, so on that date one is left, and none once it has passed (the cycle then
 * closes on the next request). Both are UTC calendar days; `today` comes from lib/clock.
 */
export function daysLeft(today: string, closesOn: string): number {
  const days = (startOfDay(closesOn).getTime() - startOfDay(today).getTime()) / DAY_MS + 1;
  return Math.max(days, 0);
}

/** Days left in words: "8 days left, today included", "Today is the last day", "Its close date has passed". */
export function daysLeftText(days: number): string {
  if (days <= 0) return "Its close date has passed";
  if (days === 1) return "Today is the last day";
  return `${days} days left, today included`;
}
