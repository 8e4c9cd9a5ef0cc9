/**
 * The ten team situations in words: a short label and one line on why the situation pulls
 * toward managing or toward leading. Together with SITUATION_FAVOURS they are all a
 * director needs to mark a team's situation; the target T follows from lib/scoring.
 */
import { SITUATION_FAVOURS, SITUATION_KEYS, type SituationKey } from "../situations";

export interface SituationText {
  readonly label: string;
  readonly explanation: string;
}

export const SITUATION_TEXT: Readonly<Record<SituationKey, SituationText>> = {
  clear_structure_needed: {
    label: "Clear structure needed",
    explanation: "The team works best with well-defined roles, routines and processes that everyone follows the same way.",
  },
  large_team: {
    label: "Large team",
    explanation: "Many reps to keep track of, so organisation and a close eye on the numbers matter more.",
  },
  short_term_targets: {
    label: "Short-term targets are crucial",
    explanation: "This quarter's number comes first, and a goal-driven routine is the surest way to hit it.",
  },
  regulated_industry: {
    label: "Highly regulated industry",
    explanation: "Rules and compliance leave little room for improvising: oversight keeps everyone within bounds.",
  },
  efficiency_priority: {
    label: "Efficiency is a priority",
    explanation: "Getting more from the same time and resources matters most, through streamlined processes.",
  },
  period_of_change: {
    label: "Period of change",
    explanation: "The market, the offer or the organisation is shifting, and the team needs direction it can believe in.",
  },
  innovation_essential: {
    label: "Innovation is essential",
    explanation: "The team has to try new approaches and react quickly to what it sees in the market.",
  },
  competitive_market: {
    label: "Highly competitive market",
    explanation: "Staying ahead takes people who keep improving and feel trusted to raise their game.",
  },
  long_term_growth: {
    label: "Long-term growth is a priority",
    explanation: "Building skills and careers now pays off in results and loyalty over the coming years.",
  },
  customer_relationships: {
    label: "Customer relationships are critical",
    explanation: "Winning depends on trust and value for customers, which reps build when they are developed and inspired.",
  },
};

/** The situations that favour one side, in the order of SITUATION_KEYS. */
export function situationsFavouring(side: "management" | "leadership"): SituationKey[] {
  return SITUATION_KEYS.filter((key) => SITUATION_FAVOURS[key] === side);
}

const momentFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

/** "2026-11-23T14:05:09.123456Z" → "23 Nov 2026, 14:05 UTC": when a situation was saved. */
export function formatSavedAt(iso: string): string {
  return `${momentFormat.format(new Date(iso))} UTC`;
}
