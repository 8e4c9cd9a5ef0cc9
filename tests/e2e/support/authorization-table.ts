import { ASPECT_KEYS } from "@/lib/aspects";
import { RATER_ITEMS, type SurveyItem, fieldName } from "@/lib/survey/fields";
import { demoEmail } from "@/server/internal/seed/demo-org";
import { upcomingCycleDates } from "../../support/days";
import { type DemoIds, type Persona, PERSONAS, personaName, SIGNED_IN } from "./personas";
import { IDLE, form } from "./server-actions";

/**
 * Who may use what: every page, route handler and server action of the app, with the
 * personas let in. Everyone else must be turned away. The matrix spec fails on anything
 * the app has that this table lacks, and on any row the app no longer has.
 */
const EVERYONE = PERSONAS;
const ADMIN: readonly Persona[] = ["admin"];
/** People with a report of their own: everyone rated by a team. */
const REPORTED_ON: readonly Persona[] = ["manager", "director", "otherDirector"];
const DIRECTORS: readonly Persona[] = ["director", "otherDirector"];

export interface PathRule {
  /** The concrete URL, with the demo's ids in its dynamic segments. */
  url(ids: DemoIds): string;
  allow: readonly Persona[];
  /** Text that must not reach personas let in only to their own part of the tree. */
  hidden?: { from: readonly Persona[]; text: string };
}

/** A well-formed invitation token that was never issued. */
const UNKNOWN_TOKEN = "A".repeat(43);

/** The other branch's director may open the teams screens, but only for their own branch. */
const managerHiddenFromOtherBranch = { from: ["otherDirector"], text: personaName("manager") } as const;

export const PAGE_RULES: Record<string, PathRule> = {
  "/": { url: () => "/", allow: SIGNED_IN },
  "/admin": { url: () => "/admin", allow: ADMIN },
  "/admin/audit": { url: () => "/admin/audit", allow: ADMIN },
  "/admin/cycles": { url: () => "/admin/cycles", allow: ADMIN },
  "/admin/participation": { url: () => "/admin/participation", allow: ADMIN },
  "/admin/people": { url: () => "/admin/people", allow: ADMIN },
  "/admin/people/[personId]": { url: (ids) => `/admin/people/${ids.person.rep}`, allow: ADMIN },
  "/admin/people/import": { url: () => "/admin/people/import", allow: ADMIN },
  "/admin/settings": { url: () => "/admin/settings", allow: ADMIN },
  // The rep rates the manager; the manager assesses themselves on the same page.
  "/assessments/[cycleId]/[managerId]": { url: (ids) => `/assessments/${ids.openCycle}/${ids.person.manager}`, allow: ["rep", "manager"] },
  "/assessments/[cycleId]/[managerId]/done": {
    url: (ids) => `/assessments/${ids.repAnsweredCycle}/${ids.person.manager}/done`,
    allow: ["rep", "manager"],
  },
  // The manager's own one-page debrief, for a cycle whose team results are shown.
  "/debrief/[cycle]": { url: (ids) => `/debrief/${ids.closedCycle}`, allow: REPORTED_ON },
  "/how-scores-work": { url: () => "/how-scores-work", allow: SIGNED_IN },
  "/report": { url: () => "/report", allow: REPORTED_ON },
  "/report/[cycle]": { url: (ids) => `/report/${ids.closedCycle}`, allow: REPORTED_ON },
  "/report/[cycle]/[manager]": { url: (ids) => `/report/${ids.closedCycle}/${ids.person.manager}`, allow: ["manager", "director"] },
  "/teams": { url: () => "/teams", allow: DIRECTORS, hidden: managerHiddenFromOtherBranch },
  "/teams/[cycle]": { url: (ids) => `/teams/${ids.closedCycle}`, allow: DIRECTORS, hidden: managerHiddenFromOtherBranch },
  "/teams/situations/[manager]": { url: (ids) => `/teams/situations/${ids.person.manager}`, allow: ["manager", "director"] },
  // The link itself is the credential: the page answers everyone, and says this one is unknown.
  "/invite/[token]": { url: () => `/invite/${UNKNOWN_TOKEN}`, allow: EVERYONE },
  "/login": { url: () => "/login", allow: EVERYONE },
  "/login/forgot": { url: () => "/login/forgot", allow: EVERYONE },
};

export const HANDLER_RULES: Record<string, PathRule> = {
  "/api/health": { url: () => "/api/health", allow: EVERYONE },
  // Only the company's provider comes back through Auth.js's route handler (when one is
  // configured: oidc-sign-in.spec.ts). A password never does, whoever asks.
  "/api/auth/callback/[provider]": { url: () => "/api/auth/callback/credentials", allow: [] },
  "/teams/[cycle]/export": { url: (ids) => `/teams/${ids.closedCycle}/export`, allow: DIRECTORS, hidden: managerHiddenFromOtherBranch },
  "/admin/people/export": { url: () => "/admin/people/export", allow: ADMIN },
};

export interface ActionRule {
  /** The page whose form calls the action. */
  page(ids: DemoIds): string;
  /**
   * The arguments, as the form would send them. Chosen so that a caller who is let in is
   * then stopped by a rule of the domain, which writes nothing (a duplicate name, a cycle
   * in the wrong state, a stale form): the whole matrix writes nothing.
   */
  args(ids: DemoIds): unknown[];
  allow: readonly Persona[];
  /** What a caller who was let in gets. */
  allowed: RegExp;
  /** What everyone else gets. */
  denied?: RegExp;
  /** Why the allowed calls do write: they run last, and the spec checks what they wrote. */
  writes?: string;
}

const SIGNED_OUT = "Your session has ended";
const refused = (...messages: string[]) => new RegExp(`^(${[SIGNED_OUT, ...messages].map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`);
const onlyAdmins = (what: string) => refused(`Only administrators can ${what}.`);

/** What someone without a report of their own gets from the commitments forms. */
export const NOT_A_MANAGER = "Only a manager can commit to actions, after a report of their own.";
const COMMITMENTS_CLOSED = /opened on \d+ \w+ \d{4}: your commitments after .+ can no longer change\.$/;

const cycleForm = (fields: Record<string, string>) => [IDLE, form({ ...upcomingCycleDates(), ...fields })];

/** Every answer of a survey (a rater's, or with SELF_ITEMS a self-assessment's): 3 on each pole, and keep the balance. */
export const surveyAnswers = (items: readonly SurveyItem[] = RATER_ITEMS) =>
  Object.fromEntries(ASPECT_KEYS.flatMap((aspect) => items.map((item) => [fieldName(aspect, item), item === "need" ? "0" : "3"])));

export const ACTION_RULES: Record<string, ActionRule> = {
  "app/(app)/admin/cycles/actions.ts#createCycleAction": {
    page: () => "/admin/cycles",
    args: (ids) => cycleForm({ name: ids.closedCycleName }),
    allow: ADMIN,
    allowed: /^A cycle with this name already exists\.$/,
    denied: onlyAdmins("manage cycles"),
  },
  "app/(app)/admin/cycles/actions.ts#updateCycleAction": {
    page: () => "/admin/cycles",
    args: (ids) => cycleForm({ cycleId: ids.openCycle, name: "Renamed" }),
    allow: ADMIN,
    allowed: /^Only a draft cycle can be edited\.$/,
    denied: onlyAdmins("manage cycles"),
  },
  "app/(app)/admin/cycles/actions.ts#openCycleAction": {
    page: () => "/admin/cycles",
    args: (ids) => [IDLE, form({ cycleId: ids.openCycle })],
    allow: ADMIN,
    allowed: /^Only a draft cycle can be opened\.$/,
    denied: onlyAdmins("manage cycles"),
  },
  "app/(app)/admin/cycles/actions.ts#raiseThresholdsAction": {
    page: () => "/admin/cycles",
    args: (ids) => [IDLE, form({ cycleId: ids.closedCycle, k: "3", commentThreshold: "3" })],
    allow: ADMIN,
    allowed: /^Thresholds can be raised, never lowered/,
    denied: onlyAdmins("manage cycles"),
  },
  "app/(app)/admin/cycles/actions.ts#deleteDraftAction": {
    page: () => "/admin/cycles",
    args: (ids) => [IDLE, form({ cycleId: ids.openCycle })],
    allow: ADMIN,
    allowed: /^Only a draft can be deleted/,
    denied: onlyAdmins("manage cycles"),
  },
  "app/(app)/admin/participation/actions.ts#remindAction": {
    page: () => "/admin/participation",
    args: (ids) => [IDLE, form({ cycleId: ids.closedCycle })],
    allow: ADMIN,
    // Refused either way for a closed cycle: first because email is off on this server.
    allowed: /^(Email is off|Reminders go out only for an open cycle)/,
    denied: onlyAdmins("send reminders"),
  },
  "app/(app)/admin/cycles/actions.ts#closeCycleAction": {
    page: () => "/admin/cycles",
    args: (ids) => [IDLE, form({ cycleId: ids.closedCycle })],
    allow: ADMIN,
    allowed: /^Only an open cycle can be closed\.$/,
    denied: onlyAdmins("manage cycles"),
  },
  "app/(app)/admin/people/[personId]/actions.ts#updatePersonAction": {
    page: (ids) => `/admin/people/${ids.person.admin}`,
    // The admin's own record, without the admin box ticked.
    args: (ids) => [IDLE, form({ personId: ids.person.admin, name: personaName("admin") })],
    allow: ADMIN,
    allowed: /^You cannot remove your own administrator rights\.$/,
    denied: onlyAdmins("manage people"),
  },
  "app/(app)/admin/people/[personId]/actions.ts#setManagerAction": {
    page: (ids) => `/admin/people/${ids.person.rep}`,
    args: (ids) => [IDLE, form({ personId: ids.person.rep, managerId: ids.person.rep })],
    allow: ADMIN,
    allowed: /^Someone cannot be their own manager\.$/,
    denied: onlyAdmins("manage people"),
  },
  "app/(app)/admin/people/actions.ts#addPersonAction": {
    page: () => "/admin/people",
    args: (ids) => [IDLE, form({ name: "Matrix Person", email: demoEmail(personaName("rep")), managerId: ids.person.manager })],
    allow: ADMIN,
    allowed: /already has the email/,
    denied: onlyAdmins("manage people"),
  },
  "app/(app)/admin/people/[personId]/actions.ts#setActiveAction": {
    page: (ids) => `/admin/people/${ids.person.admin}`,
    args: (ids) => [IDLE, form({ personId: ids.person.admin, active: "false" })],
    allow: ADMIN,
    allowed: /^You cannot deactivate yourself\.$/,
    denied: onlyAdmins("manage people"),
  },
  "app/(app)/admin/people/[personId]/actions.ts#createInvitationAction": {
    page: (ids) => `/admin/people/${ids.person.deactivated}`,
    args: (ids) => [IDLE, form({ personId: ids.person.deactivated })],
    allow: ADMIN,
    allowed: /^Reactivate this person before sending them a link\.$/,
    denied: onlyAdmins("manage people"),
  },
  "app/(app)/admin/people/import/actions.ts#importAction": {
    page: () => "/admin/people/import",
    args: () => [IDLE, form({ intent: "apply", file: new File(["email,name,manager_email,admin\r\n"], "org.csv"), fileHash: "0".repeat(64) })],
    allow: ADMIN,
    allowed: /^This is not the file you previewed\./,
    denied: onlyAdmins("import the org chart"),
  },
  "app/(app)/admin/settings/actions.ts#updateThresholdsAction": {
    page: () => "/admin/settings",
    args: () => [IDLE, form({ k: "3", commentThreshold: "5" })],
    allow: ADMIN,
    allowed: /^Saved\./,
    denied: onlyAdmins("change thresholds"),
    writes: "No rule of the domain stops a well-formed change of the thresholds: the admin saves the values in force, on the record.",
  },
  "app/(app)/assessments/[cycleId]/[managerId]/actions.ts#submitSurveyAction": {
    page: (ids) => `/assessments/${ids.repAnsweredCycle}/${ids.person.manager}`,
    // A rating of the manager in a closed cycle that the rep was invited to.
    args: (ids) => [IDLE, form({ cycleId: ids.repAnsweredCycle, managerId: ids.person.manager, ...surveyAnswers() })],
    allow: ["rep"],
    allowed: /has closed: answers are no longer taken\.$/,
    // For the manager this is their own survey, which has no team-need items: refused as a form that is not theirs.
    denied: refused("You are not invited to rate this person in this cycle.", "The form did not come from this survey."),
  },
  "app/(app)/teams/situations/[manager]/actions.ts#saveSituationsAction": {
    page: (ids) => `/teams/situations/${ids.person.manager}`,
    // Based on no entry, while the demo team already has a situation: a stale form.
    args: (ids) => [IDLE, form({ managerId: ids.person.manager, basedOn: "", situations: ["large_team"] })],
    allow: ["director"],
    allowed: /^Someone changed this team's situation while you were editing it\./,
    denied: refused("Only someone above this team in the reporting tree can change its situation."),
  },
  // Commitments: each manager changes only their own (the form names a cycle, never a
  // manager), so everyone with a report of their own is let in, to their own list. The
  // latest closed cycle's next cycle is open, so nobody's list for it can change any more.
  "app/(app)/report/actions.ts#saveCommitmentsAction": {
    page: () => "/report",
    args: (ids) => [
      IDLE,
      form({ cycleId: ids.closedCycle, choice1: "own", text1: "Ask each rep what they need from me.", aspect1: "focus", direction1: "more_leading" }),
    ],
    allow: REPORTED_ON,
    allowed: COMMITMENTS_CLOSED,
    denied: refused(NOT_A_MANAGER),
  },
  "app/(app)/report/actions.ts#removeCommitmentAction": {
    page: () => "/report",
    args: (ids) => [IDLE, form({ cycleId: ids.closedCycle, position: "1" })],
    allow: REPORTED_ON,
    allowed: COMMITMENTS_CLOSED,
    denied: refused(NOT_A_MANAGER),
  },
  "app/invite/[token]/actions.ts#setPasswordAction": {
    page: () => `/invite/${UNKNOWN_TOKEN}`,
    args: () => [IDLE, form({ token: UNKNOWN_TOKEN, password: "quiet harbour lantern 2031", confirmation: "quiet harbour lantern 2031" })],
    allow: EVERYONE,
    allowed: /^This link has expired, has been replaced by a newer one, or has already been used\./,
  },
  "app/login/forgot/actions.ts#requestResetAction": {
    page: () => "/login/forgot",
    args: () => [IDLE, form({ email: "someone@example.com" })],
    allow: EVERYONE,
    // The matrix's server has no SMTP server.
    allowed: /^Email is off here, so no link can be sent\./,
  },
  "app/login/actions.ts#signInAction": {
    page: () => "/login",
    args: () => [IDLE, form({})],
    allow: EVERYONE,
    allowed: /^Check the highlighted fields\.$/,
  },
  // The matrix's server has no OpenID Connect provider (oidc-sign-in.spec.ts has one).
  "app/login/actions.ts#companySignInAction": {
    page: () => "/login",
    args: () => [IDLE, form({ callbackUrl: "/" })],
    allow: EVERYONE,
    allowed: /^Sign-in through a company account is not set up here\.$/,
  },
  "app/(app)/sign-out-action.ts#signOutAction": {
    page: () => "/",
    args: () => [form({})],
    allow: EVERYONE,
    allowed: /^redirect \/login$/,
    writes: "Signing out ends every session of the person who signs out.",
  },
};
