import { ASPECT_KEYS } from "@/lib/aspects";
import type { Comparison } from "./comparison";
import { aspectName, fewerPeople, NO_ASPECT, verdictWords } from "./display";
import { type ChangeRow, type Expected, key, type TeamRow } from "./expected-sql";

// The teams CSV's expected rows: numbers with an ASCII minus and no plus; hidden values empty.

const CSV_COLUMNS = [
  "Row",
  "Manager",
  "Reports to",
  "Responses",
  "Invited",
  "Response rate",
  ...ASPECT_KEYS.flatMap((aspect) => [`${aspectName(aspect)} (b)`, `${aspectName(aspect)} (n)`]),
  "Overall balance (B)",
  "Versatility",
  "Situation calls for (T)",
  "Fit to the situation (B − T)",
  "Change in B",
  "Change in B: clear of the noise?",
  "Commitments",
  "Follow-through (mean seen, 1–5)",
  "Follow-through (n)",
  "One-sided aspects",
  "Not shown, and why",
];

export function compareCsvHeader(compare: Comparison, where: string, header: string[], previous: TeamRow | null) {
  const changeColumn = CSV_COLUMNS.indexOf("Change in B");
  compare.same(`${where}: columns`, String(header.length), String(CSV_COLUMNS.length));
  compare.same(`${where}: change column`, header[changeColumn], previous ? `Change in B since ${previous.cycleName}` : "Change in B");
}

export function compareCsvRow(compare: Comparison, where: string, actual: string[] | undefined, expected: string[]) {
  if (!actual) {
    compare.mismatches.push(`${where}: no row`);
    return;
  }
  expected.forEach((cell, c) => compare.same(`${where}, ${CSV_COLUMNS[c]}`, actual[c], cell));
}

const hiddenAspectsReason = (hidden: string[], k: number) => (hidden.length === 0 ? [] : [`${hidden.join(", ")}: fewer than ${k} answers on a pole.`]);

export function csvTeamRow(expected: Expected, team: TeamRow, parent: string, change: ChangeRow | undefined, previous: TeamRow | null): string[] {
  const aspects = ASPECT_KEYS.map((aspect) => expected.aspect.get(key(team.cycleId, team.managerId, aspect)));
  const shown = aspects.map((aspect) => (team.shown && aspect?.shown ? aspect : null));
  const hidden = ASPECT_KEYS.filter((_, a) => shown[a] === null).map(aspectName);
  const commitment = expected.commitment.get(key(team.cycleId, team.managerId));
  const seen = team.shown && commitment && commitment.covered > 0 ? commitment : null;
  let reasons: string[];
  if (!team.shown) reasons = [fewerPeople(team.k)];
  else {
    reasons = hiddenAspectsReason(hidden, team.k);
    if (team.balance === null) reasons.push(`B, versatility and fit to the situation: ${NO_ASPECT}`);
    else if (!change) reasons.push(previous ? `Change in B: no result shown for this team in ${previous.cycleName}.` : "Change in B: no earlier closed cycle.");
    if (commitment && commitment.covered === 0) reasons.push(`Follow-through: Not shown: fewer than ${team.k} answers.`);
    else if (commitment && commitment.covered < commitment.count) {
      const others = commitment.count - commitment.covered;
      reasons.push(
        `Follow-through: covers ${commitment.covered} of ${commitment.count} commitments; ${others === 1 ? "the other has" : `the other ${others} have`} fewer than ${team.k} answers.`,
      );
    }
  }
  return [
    "team",
    team.manager,
    parent,
    String(team.respondents),
    String(team.invited),
    team.rate,
    ...shown.flatMap((aspect) => (aspect ? [aspect.b, String(aspect.n)] : ["", ""])),
    team.balance ?? "",
    team.versatility ?? "",
    team.target,
    team.fitGap ?? "",
    change?.value ?? "",
    change ? verdictWords(change) : "",
    String(commitment?.count ?? 0),
    seen?.seen ?? "",
    seen ? String(seen.n) : "",
    ASPECT_KEYS.filter((_, a) => shown[a]?.lopsided)
      .map(aspectName)
      .join("; "),
    reasons.join(" "),
  ];
}

export function csvOrgRow(expected: Expected, viewerId: string, cycle: TeamRow): string[] {
  const org = expected.org.get(key(viewerId, cycle.cycleId))!;
  const aspects = ASPECT_KEYS.map((aspect) => expected.orgAspect.get(key(viewerId, cycle.cycleId, aspect)));
  const hidden = ASPECT_KEYS.filter((_, a) => !aspects[a]).map(aspectName);
  const leftOut = `${org.leftOut} ${org.leftOut === 1 ? "team" : "teams"} left out below the threshold.`;
  const reasons =
    org.included === 0
      ? `Not shown: no team has ${cycle.k} or more answers on its own. ${leftOut}`
      : [leftOut, ...hiddenAspectsReason(hidden, cycle.k), "T, fit to the situation, change in B and commitments are per team."].join(" ");
  return [
    "organisation",
    `All teams with enough answers, k or more (${org.included} of ${org.included + org.leftOut}): counts and scores cover these teams only`,
    "",
    String(org.respondents),
    String(org.invited),
    org.rate ?? "",
    ...aspects.flatMap((aspect) => (aspect ? [aspect.b, String(aspect.n)] : ["", ""])),
    org.balance ?? "",
    org.versatility ?? "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    ASPECT_KEYS.filter((_, a) => aspects[a]?.lopsided)
      .map(aspectName)
      .join("; "),
    reasons,
  ];
}
