import { createHash, randomBytes, randomUUID } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { cycles, invitations, people, teamSituations } from "@/db/schema";
import { DEMO_PASSWORD, DEMO_TEAMS, demoEmail } from "@/server/internal/seed/demo-org";
import { clock } from "@/lib/clock";
import { addDaysTo } from "@/lib/dates";
import { SELF_ITEMS } from "@/lib/survey/fields";
import { daysFromToday, upcomingCycleDates } from "../../support/days";
import { COMMITMENT_TEXT_MAX_LENGTH, MAX_COMMITMENTS } from "@/lib/commitments";
import { ACTIONS } from "@/lib/recommendations";
import { NOT_A_MANAGER, surveyAnswers } from "./authorization-table";
import { type DemoIds, type Persona, personaName, prepareDemo, type SignedInPersona } from "./personas";
import { activeOrganisation, fileHash, orgCsv } from "./org-csv";
import { IDLE, form } from "./server-actions";

/** The other branch's first team: its manager's situation is not the director's to set. */
const otherBranchManager = DEMO_TEAMS.find((team) => team.reportsTo === personaName("otherDirector"))!.manager;

export interface ForgeryIds extends DemoIds {
  draftCycle: string;
  /** A second draft, for the deletion. */
  deletableDraft: string;
  /** The latest situation entry of the manager's team, and of a team in the other branch. */
  situationBasis: string;
  otherBranchManager: string;
  otherBranchBasis: string;
  /** Someone who has never had a password: the one kind of account an admin may see a link for, without email. */
  newcomer: string;
  /** A live one-time link for the rep. */
  invitationToken: string;
  /** The whole active organisation as an import file, plus one newcomer, and its hash. */
  orgCsv: string;
  orgCsvHash: string;
}

async function latestSituation(db: Database, managerId: string) {
  const [row] = await db
    .select({ id: teamSituations.id })
    .from(teamSituations)
    .where(eq(teamSituations.managerId, managerId))
    .orderBy(desc(teamSituations.changedAt))
    .limit(1);
  return row!.id;
}

/** The demo as the matrix has it, plus what valid requests of every kind need: a draft, a live link, an import file. */
export async function prepareForgeries(db: Database): Promise<ForgeryIds> {
  const ids = await prepareDemo(db);
  const [draft] = await db
    .insert(cycles)
    .values({ name: "Draft for forgeries", ...upcomingCycleDates() })
    .returning({ id: cycles.id });
  const [deletable] = await db
    .insert(cycles)
    .values({ name: "Draft to delete", ...upcomingCycleDates() })
    .returning({ id: cycles.id });
  const [other] = await db.select({ id: people.id }).from(people).where(eq(people.name, otherBranchManager));
  const invitationToken = randomBytes(32).toString("base64url");
  await db.insert(invitations).values({
    personId: ids.person.rep,
    // Stored as its SHA-256, as server/dal/invitations.ts stores every link.
    tokenHash: createHash("sha256").update(invitationToken).digest("hex"),
    createdBy: ids.person.admin,
    expiresAt: addDaysTo(clock.now(), 7),
  });
  const [newcomer] = await db.insert(people).values({ name: "Forgery Newcomer", email: "forgery.newcomer@example.com" }).returning({ id: people.id });
  const organisation = await activeOrganisation(db);
  const file = orgCsv([...organisation, { email: "forged.newcomer@example.com", name: "Forged Newcomer", manager_email: organisation[0]!.email, admin: "no" }]);
  return {
    ...ids,
    draftCycle: draft!.id,
    deletableDraft: deletable!.id,
    newcomer: newcomer!.id,
    situationBasis: await latestSituation(db, ids.person.manager),
    otherBranchManager: other!.id,
    otherBranchBasis: await latestSituation(db, other!.id),
    invitationToken,
    orgCsv: file,
    orgCsvHash: fileHash(file),
  };
}

type Args = (ids: ForgeryIds) => unknown[];

/**
 * How one server action can be forged. `valid` is a request that writes when its rightful
 * caller (`as`) sends it from the app's own origin; every forgery of it must write nothing.
 */
export interface Forgery {
  as: Persona;
  page(ids: ForgeryIds): string;
  valid: Args;
  succeeded: RegExp;
  /** The rightful caller, with a payload the form never sends. */
  tampered: { args: Args; refused: RegExp }[];
  /** Someone else with the valid request, or with ids that are not theirs to use. */
  intruders: { as: Persona; args?: Args; refused: RegExp }[];
  /** Whether a session is what authorises it, so that a replay after signing out must fail. */
  needsSession: boolean;
}

const SIGNED_OUT = /^Your session has ended/;
const CHECK_FIELDS = /^Check the highlighted fields\.$/;
const onlyAdmins = /^Only administrators can /;
/** Admin actions, sent whole by a manager and by the deactivated former admin. */
const nonAdmins = [
  { as: "manager", refused: onlyAdmins },
  { as: "deactivated", refused: SIGNED_OUT },
] as const;
const admin = (forgery: Omit<Forgery, "as" | "intruders" | "needsSession"> & Partial<Forgery>): Forgery => ({
  as: "admin",
  intruders: [...nonAdmins],
  needsSession: true,
  ...forgery,
});

const nobody = randomUUID();
const cycleFields = { name: "Forged cycle", opensOn: daysFromToday(90), closesOn: daysFromToday(117) };
const survey = (ids: ForgeryIds, fields: Record<string, string> = {}) => [
  IDLE,
  form({ cycleId: ids.openCycle, managerId: ids.person.manager, ...surveyAnswers(), comment: "Clear targets.", ...fields }),
];
const situations = (managerId: string, basedOn: string, chosen: string[]) => [IDLE, form({ managerId, basedOn, situations: chosen })];
const importFile = (ids: ForgeryIds, fields: Record<string, string>) => [IDLE, form({ file: new File([ids.orgCsv], "org.csv"), ...fields })];
const NEW_PASSWORD = "quiet harbour lantern 2031";
/** The commitments form: a library action (its aspect and direction left to the library) and one in the manager's own words. */
const commitmentsForm = (cycleId: string, fields: Record<string, string> = {}) => [
  IDLE,
  form({
    cycleId,
    choice1: ACTIONS.focus.more_leading[0]!.id,
    choice2: "own",
    text2: "Ask each rep what they need from me.",
    aspect2: "motivation",
    direction2: "more_leading",
    ...fields,
  }),
];
const notAManager = new RegExp(`^${NOT_A_MANAGER.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);

/** In an order in which every valid request succeeds, one after the other. */
export const FORGERIES: Record<string, Forgery> = {
  "app/login/actions.ts#signInAction": {
    as: "anonymous",
    page: () => "/login",
    valid: () => [IDLE, form({ email: demoEmail(personaName("admin")), password: DEMO_PASSWORD, callbackUrl: "/" })],
    succeeded: /^redirect \/$/,
    tampered: [
      { args: () => [IDLE, form({ email: "admin' OR '1'='1", password: DEMO_PASSWORD })], refused: CHECK_FIELDS },
      { args: () => [IDLE, form({ email: demoEmail(personaName("admin")), password: "x".repeat(2000) })], refused: CHECK_FIELDS },
    ],
    intruders: [],
    needsSession: false,
  },
  // To the company's provider (a real one, on a loopback port): its authorization endpoint.
  // What comes back from there is oidc-sign-in.spec.ts's to forge.
  "app/login/actions.ts#companySignInAction": {
    as: "anonymous",
    page: () => "/login",
    valid: () => [IDLE, form({ callbackUrl: "/" })],
    succeeded: /^redirect \/auth$/,
    tampered: [],
    intruders: [],
    needsSession: false,
  },
  "app/(app)/assessments/[cycleId]/[managerId]/actions.ts#submitSurveyAction": {
    as: "rep",
    page: (ids) => `/assessments/${ids.openCycle}/${ids.person.manager}`,
    valid: (ids) => survey(ids),
    succeeded: /^Thank you\. Your answers are in\.$/,
    tampered: [
      { args: (ids) => survey(ids, { "aspects.focus.bribe": "5" }), refused: /^The form did not come from this survey\./ },
      { args: (ids) => survey(ids, { comment: "x".repeat(1001) }), refused: /^Some answers are missing or not valid/ },
    ],
    intruders: [
      { as: "otherDirector", refused: /^You are not invited to rate this person in this cycle\.$/ },
      // The rep, about a manager of another branch, and about themselves.
      { as: "rep", args: (ids) => survey(ids, { managerId: ids.otherBranchManager }), refused: /^You are not invited/ },
      {
        as: "rep",
        args: (ids) => [IDLE, form({ cycleId: ids.openCycle, managerId: ids.person.rep, ...surveyAnswers(SELF_ITEMS) })],
        refused: /^You are not invited/,
      },
    ],
    needsSession: true,
  },
  "app/(app)/teams/situations/[manager]/actions.ts#saveSituationsAction": {
    as: "director",
    page: (ids) => `/teams/situations/${ids.person.manager}`,
    valid: (ids) => situations(ids.person.manager, ids.situationBasis, ["large_team", "period_of_change"]),
    succeeded: /^Saved\. The situation now calls for/,
    tampered: [
      { args: (ids) => situations(ids.person.manager, ids.situationBasis, ["bribe"]), refused: /^Check the situations\.$/ },
      { args: (ids) => situations(ids.person.manager, "1; DROP TABLE team_situations", []), refused: /^Reload the page and try again\.$/ },
    ],
    intruders: [
      { as: "otherDirector", refused: /^Only someone above this team/ },
      { as: "manager", refused: /^Only someone above this team/ },
      { as: "director", args: (ids) => situations(ids.otherBranchManager, ids.otherBranchBasis, ["large_team"]), refused: /^Only someone above this team/ },
    ],
    needsSession: true,
  },
  "app/(app)/admin/settings/actions.ts#updateThresholdsAction": admin({
    page: () => "/admin/settings",
    valid: () => [IDLE, form({ k: "4", commentThreshold: "6" })],
    succeeded: /^Saved\. Cycles opened from now on use these thresholds\.$/,
    tampered: [
      { args: () => [IDLE, form({ k: "2", commentThreshold: "2" })], refused: CHECK_FIELDS },
      { args: () => [IDLE, form({ k: "3.5", commentThreshold: "-1" })], refused: CHECK_FIELDS },
    ],
  }),
  "app/(app)/admin/people/[personId]/actions.ts#createInvitationAction": admin({
    page: (ids) => `/admin/people/${ids.newcomer}`,
    valid: (ids) => [IDLE, form({ personId: ids.newcomer })],
    succeeded: /^Link emailed to forgery\.newcomer@example\.com\./,
    tampered: [
      { args: () => [IDLE, form({ personId: nobody })], refused: /^That person does not exist\.$/ },
      { args: () => [IDLE, form({ personId: "*" })], refused: /^Unknown person\.$/ },
    ],
    // A rep asking for a link that would open the admin's account.
    intruders: [...nonAdmins, { as: "rep", args: (ids) => [IDLE, form({ personId: ids.person.admin })], refused: onlyAdmins }],
  }),
  "app/login/forgot/actions.ts#requestResetAction": {
    as: "anonymous",
    page: () => "/login/forgot",
    valid: () => [IDLE, form({ email: demoEmail(personaName("manager")) })],
    succeeded: /^If an active Fulcrum account uses that address, a link to set a new password is on its way/,
    tampered: [
      { args: () => [IDLE, form({ email: "manager' OR '1'='1" })], refused: /^Check the highlighted field\.$/ },
      { args: () => [IDLE, form({ email: `${"x".repeat(300)}@example.com` })], refused: /^Check the highlighted field\.$/ },
    ],
    intruders: [],
    needsSession: false,
  },
  "app/invite/[token]/actions.ts#setPasswordAction": {
    as: "anonymous",
    page: (ids) => `/invite/${ids.invitationToken}`,
    valid: (ids) => [IDLE, form({ token: ids.invitationToken, password: NEW_PASSWORD, confirmation: NEW_PASSWORD })],
    succeeded: /^redirect \/login$/,
    tampered: [
      {
        args: (ids) => [IDLE, form({ token: `${ids.invitationToken}/../x`, password: NEW_PASSWORD, confirmation: NEW_PASSWORD })],
        refused: /^This link is not valid\.$/,
      },
      { args: (ids) => [IDLE, form({ token: ids.invitationToken, password: NEW_PASSWORD, confirmation: "something else" })], refused: CHECK_FIELDS },
    ],
    intruders: [],
    needsSession: false,
  },
  "app/(app)/admin/people/[personId]/actions.ts#updatePersonAction": admin({
    page: (ids) => `/admin/people/${ids.person.rep}`,
    valid: (ids) => [IDLE, form({ personId: ids.person.rep, name: "Renamed By Admin" })],
    succeeded: /^Saved\.$/,
    tampered: [
      { args: () => [IDLE, form({ personId: "'; DROP TABLE people; --", name: "x" })], refused: /^Unknown person\.$/ },
      { args: (ids) => [IDLE, form({ personId: ids.person.rep, name: "   " })], refused: CHECK_FIELDS },
    ],
    // The rep making themselves an admin.
    intruders: [
      ...nonAdmins,
      { as: "rep", args: (ids) => [IDLE, form({ personId: ids.person.rep, name: personaName("rep"), isAdmin: "on" })], refused: onlyAdmins },
    ],
  }),
  "app/(app)/admin/people/[personId]/actions.ts#setActiveAction": admin({
    page: (ids) => `/admin/people/${ids.person.rep}`,
    valid: (ids) => [IDLE, form({ personId: ids.person.rep, active: "false" })],
    succeeded: /^Deactivated/,
    tampered: [{ args: () => [IDLE, form({ personId: "rep", active: "false" })], refused: /^Unknown person\.$/ }],
    // The deactivated person reactivating themselves.
    intruders: [...nonAdmins, { as: "deactivated", args: (ids) => [IDLE, form({ personId: ids.person.deactivated, active: "true" })], refused: SIGNED_OUT }],
  }),
  "app/(app)/admin/people/actions.ts#addPersonAction": admin({
    page: () => "/admin/people",
    valid: (ids) => [IDLE, form({ name: "Forged Person", email: "forged.person@example.com", managerId: ids.person.manager })],
    succeeded: /^Added Forged Person\./,
    tampered: [
      {
        args: (ids) => [IDLE, form({ name: "Forged Person", email: demoEmail(personaName("rep")), managerId: ids.person.manager })],
        refused: /already has the email/,
      },
      { args: () => [IDLE, form({ name: "Forged Person", email: "forged.person@example.com", managerId: "'; DROP TABLE people; --" })], refused: CHECK_FIELDS },
      { args: (ids) => [IDLE, form({ name: "   ", email: "forged.person@example.com", managerId: ids.person.manager })], refused: CHECK_FIELDS },
    ],
  }),
  "app/(app)/admin/people/[personId]/actions.ts#setManagerAction": admin({
    page: (ids) => `/admin/people/${ids.newcomer}`,
    valid: (ids) => [IDLE, form({ personId: ids.newcomer, managerId: ids.person.manager })],
    succeeded: /^Manager changed: Forgery Newcomer reports to /,
    tampered: [
      { args: (ids) => [IDLE, form({ personId: ids.newcomer, managerId: ids.newcomer })], refused: /^Someone cannot be their own manager\.$/ },
      { args: (ids) => [IDLE, form({ personId: "../../admin", managerId: ids.person.manager })], refused: /^Unknown person\.$/ },
    ],
  }),
  "app/(app)/admin/people/import/actions.ts#importAction": admin({
    page: () => "/admin/people/import",
    valid: (ids) => importFile(ids, { intent: "apply", fileHash: ids.orgCsvHash }),
    succeeded: /^Imported: 1 person added/,
    tampered: [
      { args: (ids) => importFile(ids, { intent: "apply" }), refused: /^Preview the file before applying it\.$/ },
      {
        args: (ids) => importFile(ids, { intent: "apply", fileHash: ids.orgCsvHash.replace(/^./, (c) => (c === "0" ? "1" : "0")) }),
        refused: /^This is not the file you previewed\./,
      },
      { args: () => [IDLE, form({ intent: "apply", file: "not a file" })], refused: /^Choose the file you previewed\.$/ },
      { args: (ids) => importFile(ids, { intent: "delete-everything" }), refused: /^Choose a CSV file, then preview it\.$/ },
    ],
  }),
  "app/(app)/admin/cycles/actions.ts#createCycleAction": admin({
    page: () => "/admin/cycles",
    valid: () => [IDLE, form(cycleFields)],
    succeeded: /^Draft “Forged cycle” created\./,
    tampered: [
      { args: () => [IDLE, form({ ...cycleFields, closesOn: daysFromToday(80) })], refused: CHECK_FIELDS },
      { args: () => [IDLE, form({ ...cycleFields, name: " ".repeat(5) })], refused: CHECK_FIELDS },
    ],
  }),
  "app/(app)/admin/cycles/actions.ts#updateCycleAction": admin({
    page: () => "/admin/cycles",
    valid: (ids) => [IDLE, form({ ...cycleFields, name: "Forged draft", cycleId: ids.draftCycle })],
    succeeded: /^Saved “Forged draft”\.$/,
    tampered: [
      { args: () => [IDLE, form({ ...cycleFields, cycleId: "1 OR 1=1" })], refused: /^Unknown cycle\.$/ },
      { args: (ids) => [IDLE, form({ ...cycleFields, name: "Forged draft", cycleId: ids.closedCycle })], refused: /^Only a draft cycle can be edited\.$/ },
    ],
  }),
  "app/(app)/admin/cycles/actions.ts#openCycleAction": admin({
    page: () => "/admin/cycles",
    // The demo's cycle is open: this one runs alongside it, as the admin says so.
    valid: (ids) => [IDLE, form({ cycleId: ids.draftCycle, allowOverlap: "on" })],
    succeeded: /^The cycle is open/,
    tampered: [
      { args: () => [IDLE, form({ cycleId: nobody })], refused: /^That cycle does not exist\.$/ },
      { args: (ids) => [IDLE, form({ cycleId: ids.draftCycle })], refused: /is still open, and one cycle runs at a time/ },
      { args: (ids) => [IDLE, form({ cycleId: ids.draftCycle, allowOverlap: "yes" })], refused: /is either ticked or not: nothing was opened\.$/ },
    ],
  }),
  "app/(app)/admin/cycles/actions.ts#deleteDraftAction": admin({
    page: () => "/admin/cycles",
    valid: (ids) => [IDLE, form({ cycleId: ids.deletableDraft })],
    // The page it lands on says which draft went (cycles/page.tsx).
    succeeded: /^redirect \/admin\/cycles/,
    tampered: [
      { args: (ids) => [IDLE, form({ cycleId: ids.openCycle })], refused: /^Only a draft can be deleted/ },
      { args: () => [IDLE, form({ cycleId: "'; DELETE FROM cycles; --" })], refused: /^Unknown cycle\.$/ },
    ],
  }),
  "app/(app)/admin/cycles/actions.ts#raiseThresholdsAction": admin({
    page: () => "/admin/cycles",
    valid: (ids) => [IDLE, form({ cycleId: ids.closedCycle, k: "4", commentThreshold: "6" })],
    succeeded: /^Raised: this cycle's results now need 4 raters/,
    tampered: [
      { args: (ids) => [IDLE, form({ cycleId: ids.closedCycle, k: "2", commentThreshold: "2" })], refused: CHECK_FIELDS },
      { args: (ids) => [IDLE, form({ cycleId: ids.openCycle, k: "3", commentThreshold: "3" })], refused: /^Thresholds can be raised, never lowered/ },
      {
        args: (ids) => [IDLE, form({ cycleId: ids.draftCycle, k: "4", commentThreshold: "6" })],
        refused: /^A draft takes the thresholds in force when it opens/,
      },
    ],
  }),
  // Before the close below: reminders go out only while the cycle is open.
  "app/(app)/admin/participation/actions.ts#remindAction": admin({
    page: () => "/admin/participation",
    valid: (ids) => [IDLE, form({ cycleId: ids.openCycle })],
    succeeded: /^Reminders are on their way to those who have not answered/,
    tampered: [
      { args: (ids) => [IDLE, form({ cycleId: ids.closedCycle })], refused: /^Reminders go out only for an open cycle\.$/ },
      { args: () => [IDLE, form({ cycleId: "1 OR 1=1" })], refused: /^Unknown cycle\.$/ },
    ],
  }),
  "app/(app)/admin/cycles/actions.ts#closeCycleAction": admin({
    page: () => "/admin/cycles",
    valid: (ids) => [IDLE, form({ cycleId: ids.openCycle })],
    succeeded: /^The cycle is closed/,
    tampered: [{ args: () => [IDLE, form({ cycleId: "../../" })], refused: /^Unknown cycle\.$/ }],
  }),
  // After the close above: the open cycle's report is out, and nothing has opened since, so
  // the manager commits to two actions after it, then takes the second off.
  "app/(app)/report/actions.ts#saveCommitmentsAction": {
    as: "manager",
    page: () => "/report",
    valid: (ids) => commitmentsForm(ids.openCycle),
    succeeded: /^Saved: you have committed to 2 actions\./,
    tampered: [
      { args: (ids) => commitmentsForm(ids.openCycle, { aspect1: "motivation" }), refused: /^Check your commitments\.$/ },
      { args: (ids) => commitmentsForm(ids.openCycle, { text2: "x".repeat(COMMITMENT_TEXT_MAX_LENGTH + 1) }), refused: /^Check your commitments\.$/ },
      { args: (ids) => commitmentsForm(ids.openCycle, { choice1: "focus.leading.'; DROP TABLE commitments; --" }), refused: /^Check your commitments\.$/ },
      { args: () => commitmentsForm("../../admin"), refused: /^Unknown cycle\.$/ },
    ],
    intruders: [
      { as: "rep", refused: notAManager },
      { as: "admin", refused: notAManager },
    ],
    needsSession: true,
  },
  "app/(app)/report/actions.ts#removeCommitmentAction": {
    as: "manager",
    page: () => "/report",
    valid: (ids) => [IDLE, form({ cycleId: ids.openCycle, position: "2" })],
    succeeded: /^Removed\. You are committed to 1 action\.$/,
    tampered: [
      { args: (ids) => [IDLE, form({ cycleId: ids.openCycle, position: String(MAX_COMMITMENTS + 1) })], refused: /^Unknown commitment\.$/ },
      { args: (ids) => [IDLE, form({ cycleId: ids.openCycle, position: "1 OR 1=1" })], refused: /^Unknown commitment\.$/ },
    ],
    intruders: [
      { as: "rep", refused: notAManager },
      { as: "admin", refused: notAManager },
    ],
    needsSession: true,
  },
  // Signing out takes nothing from the form; only where it comes from can be forged.
  "app/(app)/sign-out-action.ts#signOutAction": {
    as: "admin",
    page: () => "/",
    valid: () => [form({})],
    succeeded: /^redirect \/login$/,
    tampered: [],
    intruders: [],
    needsSession: false,
  },
};

/** The personas who sign out before the replays: the rightful callers of every action that needs a session. */
export const SIGNED_OUT_PERSONAS = [
  ...new Set(
    Object.values(FORGERIES)
      .filter((f) => f.needsSession)
      .map((f) => f.as),
  ),
] as SignedInPersona[];
