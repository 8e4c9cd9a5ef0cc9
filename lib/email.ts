/**
 * The emails Fulcrum sends about a cycle, and when: an invitation when it opens, reminders
 * to those who have not answered (on demand, and on a schedule before the close), and
 * "your report is ready" to each manager whose team met k when it closes. Pure: the outbox
 * (server/internal/email/outbox.ts) queues and sends them.
 */
import { addDays, formatDay } from "./dates";
import { EXACT_WHILE_LEFT, type ResponseCount } from "./response-count";

/** Scheduled reminders go out this many days before the close date, to whoever has not answered. */
export const REMINDER_DAYS_BEFORE_CLOSE = [7, 2] as const;
/** Nobody gets a second reminder within this many hours of the last one, however they are asked for. */
export const REMINDER_GAP_HOURS = 48;
/** A message the SMTP server refused is tried again after these waits, then given up. */
export const RETRY_DELAYS_MINUTES = [1, 5, 30, 120] as const;
/** How long an instance holds a message it is sending before it counts as stopped mid-send. */
export const SEND_LEASE_MINUTES = 10;

/**
 * The scheduled reminder rounds due on `today` for a cycle closing on `closesOn`: each
 * round from its day up to the close date (an instance that was down on the day catches
 * up), none before. Days are UTC calendar days, as the clock gives them.
 */
export function dueReminderRounds(today: string, closesOn: string): number[] {
  return REMINDER_DAYS_BEFORE_CLOSE.filter((days) => addDays(closesOn, -days) <= today && today <= closesOn);
}

/** When a refused message is tried again, after `attempts` tries; null once it has had them all. */
export function retryAt(now: Date, attempts: number): Date | null {
  const minutes = RETRY_DELAYS_MINUTES[attempts - 1];
  return minutes === undefined ? null : new Date(now.getTime() + minutes * 60_000);
}

export interface Email {
  subject: string;
  text: string;
}

export interface AssessmentLink {
  /** "Rate Daniel Okafor", "Your self-assessment". */
  label: string;
  url: string;
}

const signature = ["", "Fulcrum, for your team's upward feedback.", "Your answers are anonymous: nobody, administrators included, can see what you answered."];

interface AssessmentsContent {
  name: string;
  cycleName: string;
  closesOn: string;
  links: readonly AssessmentLink[];
}

/** An email that asks someone to answer: a greeting, why, their links, and the promise of anonymity. */
function askingEmail(subject: string, why: string, { name, links }: AssessmentsContent): Email {
  return {
    subject,
    text: [`Hello ${name},`, "", `${why} It takes about three minutes:`, "", ...links.map((link) => `${link.label}: ${link.url}`), ...signature].join("\n"),
  };
}

/** The invitation, when a cycle opens: one per person, with each of their assessments. */
export function invitationEmail(content: AssessmentsContent): Email {
  const { cycleName, closesOn } = content;
  return askingEmail(`${cycleName} is open: your feedback by ${formatDay(closesOn)}`, `${cycleName} is open until ${formatDay(closesOn)}.`, content);
}

/** A reminder: the links still to answer, to someone who has not answered yet. */
export function reminderEmail(content: AssessmentsContent): Email {
  const { cycleName, closesOn } = content;
  return askingEmail(
    `Reminder: ${cycleName} closes on ${formatDay(closesOn)}`,
    `${cycleName} closes on ${formatDay(closesOn)}, and your answer is still missing.`,
    content,
  );
}

/** "Your report is ready", to a manager whose team met k. */
export function reportReadyEmail({ name, cycleName, url }: { name: string; cycleName: string; url: string }): Email {
  return {
    subject: `Your ${cycleName} report is ready`,
    text: [
      `Hello ${name},`,
      "",
      `${cycleName} has closed, and enough of your team answered for a report: ${url}`,
      "",
      "It shows where your team sees you between managing and leading, where they need you, and what to practise next.",
      "Fulcrum",
    ].join("\n"),
  };
}

/**
 * What the admin who sends reminders is told. Never an exact count of everyone reminded:
 * with each team's "n of N" beside it, that total would say whether the last one or two of
 * a nearly complete team have answered (lib/response-count.ts). So the exact count covers
 * the teams with at least EXACT_WHILE_LEFT still to answer, whose counts are exact anyway,
 * and the nearly complete teams are named by number only.
 */
export function reminderSummary(teams: readonly ResponseCount[]): string {
  const exact = teams.filter((team) => !team.atLeast && team.invited - team.responded >= EXACT_WHILE_LEFT);
  const people = exact.reduce((total, team) => total + team.invited - team.responded, 0);
  const nearlyDone = teams.filter((team) => team.atLeast).length;
  const counted = `${people} ${people === 1 ? "person" : "people"} in teams with ${EXACT_WHILE_LEFT} or more still to answer`;
  const rest = nearlyDone === 0 ? "" : `, and anyone still to answer in the ${nearlyDone} ${nearlyDone === 1 ? "team" : "teams"} with fewer left`;
  return `Reminders are on their way to those who have not answered: ${counted}${rest}. Anyone reminded in the last ${REMINDER_GAP_HOURS} hours is left out.`;
}
