import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countWhileOpen, EXACT_WHILE_LEFT } from "@/lib/response-count";
import { teamsMeetingK, teamsMeetingKText, type TeamProgress } from "@/lib/teams-meeting-k";

const K = 3;
const team = (responded: number, invited: number): TeamProgress => ({ responded, invited });

/** A team (N up to 20) and how many of it have answered (n ≤ N). */
const progress = fc.integer({ min: 1, max: 20 }).chain((invited) => fc.integer({ min: 0, max: invited }).map((responded) => team(responded, invited)));

describe("teamsMeetingK", () => {
  it("counts a team with an exact count of at least k as meeting it", () => {
    expect(teamsMeetingK([team(3, 10), team(2, 10), team(0, 10)], K)).toEqual({ k: K, teams: 3, meet: 1, mayMeet: 0 });
  });

  it("counts a team whose floor is already k, and calls one whose last answers could decide it 'may'", () => {
    // 5 of 7 reads "5 or more of 7": at least k. 2 of 4 reads "2 or more of 4": k may or may not be reached.
    expect(teamsMeetingK([team(6, 7), team(2, 4), team(3, 4), team(4, 4)], K)).toEqual({ k: K, teams: 4, meet: 1, mayMeet: 3 });
  });

  it("never counts a team smaller than k", () => {
    expect(teamsMeetingK([team(2, 2), team(0, 2), team(1, 1)], K)).toEqual({ k: K, teams: 3, meet: 0, mayMeet: 0 });
  });

  it("gives the same totals whoever of a team's last two answered: it sees only what the open-cycle rule shows", () => {
    fc.assert(
      fc.property(fc.array(progress, { maxLength: 8 }), fc.integer({ min: 3, max: 8 }), (teams, k) => {
        const shown = teams.map(({ responded, invited }) => countWhileOpen(responded, invited));
        const lookalikes = teams.map(({ responded, invited }, index) =>
          shown[index]!.atLeast ? team(Math.min(invited, Math.max(responded, invited - (EXACT_WHILE_LEFT - 1))), invited) : team(responded, invited),
        );
        const totals = teamsMeetingK(teams, k);
        expect(teamsMeetingK(lookalikes, k)).toEqual(totals);
        expect(totals.meet + totals.mayMeet).toBeLessThanOrEqual(totals.teams);
        // Every team that really met k is counted as meeting it or as one that may have.
        const really = teams.filter(({ responded }) => responded >= k).length;
        expect(totals.meet).toBeLessThanOrEqual(really);
        expect(totals.meet + totals.mayMeet).toBeGreaterThanOrEqual(really);
      }),
    );
  });
});

describe("teamsMeetingKText", () => {
  it("says how many teams will have results, and what the others keep", () => {
    expect(teamsMeetingKText({ k: K, teams: 8, meet: 5, mayMeet: 0 })).toBe(
      "Results will be shown for 5 of 8 teams: those with at least 3 respondents (k). The other 3 teams will keep only their counts, no answers.",
    );
    expect(teamsMeetingKText({ k: 4, teams: 2, meet: 1, mayMeet: 0 })).toBe(
      "Results will be shown for 1 of 2 teams: those with at least 4 respondents (k). The other team will keep only its count, no answers.",
    );
    expect(teamsMeetingKText({ k: K, teams: 1, meet: 1, mayMeet: 0 })).toBe("Results will be shown for 1 of 1 team: those with at least 3 respondents (k).");
  });

  it("says 'at least' and why when some teams' counts cannot tell", () => {
    expect(teamsMeetingKText({ k: K, teams: 8, meet: 5, mayMeet: 2 })).toBe(
      "Results will be shown for at least 5 of 8 teams: those with at least 3 respondents (k). 2 teams may have reached it too: while a cycle is open, the counts never show when a team's last 2 people answer. The other team will keep only its count, no answers.",
    );
    expect(teamsMeetingKText({ k: K, teams: 3, meet: 0, mayMeet: 1 })).toBe(
      "No team is sure yet to have 3 respondents (k), the least for results, but 1 team of 3 may: while a cycle is open, the counts never show when a team's last 2 people answer. The other 2 teams will keep only their counts, no answers.",
    );
  });

  it("says when no team has reached k, and when nobody was invited", () => {
    expect(teamsMeetingKText({ k: K, teams: 4, meet: 0, mayMeet: 0 })).toBe(
      "No team has reached 3 respondents (k) yet, so closing now shows no results: every team keeps only its count, no answers.",
    );
    expect(teamsMeetingKText({ k: K, teams: 0, meet: 0, mayMeet: 0 })).toBe("Nobody was invited to rate anyone in this cycle, so it will have no results.");
  });
});
