import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  customType,
  doublePrecision,
  jsonb,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { ASPECT_KEYS, COMMENT_MAX_LENGTH, NEED_MAX, NEED_MIN, RATING_MAX, RATING_MIN } from "../lib/aspects";
import { clock } from "../lib/clock";
import { ACTION_ID_ASPECT, ACTION_ID_DIRECTION, COMMITMENT_TEXT_MAX_LENGTH, MAX_COMMITMENTS } from "../lib/commitment-fields";
import { CYCLE_NAME_MAX_LENGTH } from "../lib/cycle-input";
import { DIRECTIONS } from "../lib/recommendations/library";
import { SEALED_FORMATS } from "../lib/survey/sealed-answers";
import { MIN_K } from "../lib/scoring/suppression";
import { SITUATION_KEYS } from "../lib/situations";
import { STORED_POOL_LENGTH } from "../lib/teams/pools";
import { STORED_SCORES_LENGTH } from "../lib/teams/scores";

export const cycleState = pgEnum("cycle_state", ["draft", "open", "closed"]);
export const aspect = pgEnum("aspect", ASPECT_KEYS);
export const situation = pgEnum("situation", SITUATION_KEYS);
export const direction = pgEnum("direction", DIRECTIONS);
export const loginSubjectKind = pgEnum("login_subject_kind", ["account", "ip", "reset_account", "reset_ip", "link_ip"]);
export const auditAction = pgEnum("audit_action", [
  "cycle.create",
  "cycle.update",
  "cycle.open",
  "cycle.close",
  "people.import",
  "person.update",
  "person.deactivate",
  "person.reactivate",
  "invitation.create",
  "settings.update",
  "cycle.thresholds",
  "password.reset_request",
  "cycle.delete",
  "person.create",
  "cycle.remind",
]);
export const emailKind = pgEnum("email_kind", ["invitation", "reminder", "report_ready"]);
/**
 * pending: waiting for its time; sending: claimed by one instance, which is handing it to
 * the SMTP server; sent; failed: refused too often; unknown: the instance stopped or the
 * connection broke mid-send, so it may have gone out, and is never sent again.
 */
export const emailStatus = pgEnum("email_status", ["pending", "sending", "sent", "failed", "unknown"]);

const ratingCheck = (name: string, column: string) => check(name, sql.raw(`${column} IS NULL OR ${column} BETWEEN ${RATING_MIN} AND ${RATING_MAX}`));

/** Everyone in the organisation. The reporting tree is `reports_to`; admin is a flag, not a position. */
export const people = pgTable(
  "people",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    reportsTo: uuid("reports_to").references((): AnyPgColumn => people.id, { onDelete: "restrict" }),
    isAdmin: boolean("is_admin").notNull().default(false),
    isActive: boolean("is_active").notNull().default(true),
    passwordHash: text("password_hash"),
    // Sessions issued before this instant are refused: signing out ends every copy of a
    // session cookie, not just the one in the browser that clicked.
    sessionsValidFrom: timestamp("sessions_valid_from", { withTimezone: true }),
    // When the password was last set through a sign-in link, and who created that link (the
    // person themselves for "Forgot password?"): shown to them on their next sign-in.
    passwordSetAt: timestamp("password_set_at", { withTimezone: true }),
    passwordLinkBy: uuid("password_link_by").references((): AnyPgColumn => people.id, { onDelete: "restrict" }),
    // The two latest sign-ins: a password set after the one before this session is news.
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    previousSignInAt: timestamp("previous_sign_in_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().$defaultFn(clock.now),
  },
  (t) => [
    uniqueIndex("people_email_key").on(t.email),
    index("people_reports_to_idx").on(t.reportsTo),
    index("people_password_link_by_idx").on(t.passwordLinkBy),
    check("people_email_normalised", sql`${t.email} = lower(btrim(${t.email})) AND ${t.email} LIKE '%_@_%'`),
    check("people_name_length", sql`char_length(btrim(${t.name})) BETWEEN 1 AND 200`),
    check("people_not_own_manager", sql`${t.reportsTo} IS DISTINCT FROM ${t.id}`),
  ],
);

/** An assessment cycle. Its state only moves forward (enforced by a trigger in the migrations). */
export const cycles = pgTable(
  "cycles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    opensOn: date("opens_on").notNull(),
    closesOn: date("closes_on").notNull(),
    state: cycleState("state").notNull().default("draft"),
    openedAt: timestamp("opened_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    // The anonymity thresholds, frozen when the cycle opens: later changes to the settings
    // apply to cycles opened afterwards. They may be raised afterwards, never lowered.
    minRaters: smallint("min_raters"),
    minCommenters: smallint("min_commenters"),
    // Which key sealed this cycle's answers (server/seal.ts): never the key itself.
    sealKeyFingerprint: text("seal_key_fingerprint"),
    // The layout its answers are sealed in (lib/survey/sealed-answers), fixed when it opens,
    // so that every sealed row of a cycle has one length.
    sealedFormat: smallint("sealed_format"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().$defaultFn(clock.now),
  },
  (t) => [
    uniqueIndex("cycles_name_key").on(t.name),
    check(
      "cycles_thresholds_frozen",
      sql`${t.state} = 'draft' OR (${t.minRaters} IS NOT NULL AND ${t.minCommenters} IS NOT NULL AND ${t.minRaters} >= 3 AND ${t.minCommenters} >= ${t.minRaters})`,
    ),
    index("cycles_state_idx").on(t.state, t.closesOn),
    check("cycles_name_length", sql`char_length(btrim(${t.name})) BETWEEN 1 AND ${sql.raw(String(CYCLE_NAME_MAX_LENGTH))}`),
    check("cycles_dates_ordered", sql`${t.closesOn} > ${t.opensOn}`),
    check("cycles_opened_at_set", sql`${t.state} = 'draft' OR ${t.openedAt} IS NOT NULL`),
    check(
      "cycles_sealed_format",
      sql`(${t.state} = 'draft' OR ${t.sealedFormat} IS NOT NULL) AND (${t.sealedFormat} IS NULL OR ${t.sealedFormat} IN (${sql.raw(SEALED_FORMATS.join(", "))}))`,
    ),
    check("cycles_closed_at_set", sql`${t.state} <> 'closed' OR ${t.closedAt} IS NOT NULL`),
  ],
);

/**
 * Who rates whom in a cycle, frozen when the cycle opens. A row with rater = manager is
 * that manager's self-assessment; the other rows are also the cycle's reporting tree.
 */
export const cycleAssignments = pgTable(
  "cycle_assignments",
  {
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => cycles.id, { onDelete: "cascade" }),
    raterId: uuid("rater_id")
      .notNull()
      .references(() => people.id, { onDelete: "restrict" }),
    managerId: uuid("manager_id")
      .notNull()
      .references(() => people.id, { onDelete: "restrict" }),
  },
  (t) => [
    primaryKey({ columns: [t.cycleId, t.raterId, t.managerId] }),
    index("cycle_assignments_manager_idx").on(t.managerId, t.cycleId),
    index("cycle_assignments_rater_idx").on(t.raterId),
  ],
);

/**
 * Who has rated whom. Deliberately separate from `responses`: no column links the two,
 * and the day is the finest time kept.
 */
export const participations = pgTable(
  "participations",
  {
    cycleId: uuid("cycle_id").notNull(),
    raterId: uuid("rater_id").notNull(),
    managerId: uuid("manager_id").notNull(),
    submittedOn: date("submitted_on").notNull().$defaultFn(clock.today),
  },
  (t) => [
    // The primary key is what makes a second submit impossible, even when two race.
    primaryKey({ columns: [t.cycleId, t.raterId, t.managerId] }),
    foreignKey({
      name: "participations_assignment_fk",
      columns: [t.cycleId, t.raterId, t.managerId],
      foreignColumns: [cycleAssignments.cycleId, cycleAssignments.raterId, cycleAssignments.managerId],
    }).onDelete("cascade"),
    index("participations_manager_idx").on(t.managerId, t.cycleId),
    index("participations_rater_idx").on(t.raterId),
    check("participations_not_self", sql`${t.raterId} <> ${t.managerId}`),
  ],
);

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/**
 * A response while its cycle is open: the answers and the comment sealed under a key the
 * database never holds (server/seal.ts), with the cycle and the manager it is for, and no
 * rater. Partitioned by cycle: opening a cycle creates its partition, and the close, once
 * it has opened the seals, drops it, so that not even the sealed rows' old images stay in
 * the database's files (see the migration).
 *
 * No foreign keys, on purpose: dropping a partition would otherwise lock `cycles` and
 * `people` against writes. The seal itself binds a row to its cycle and manager (a row
 * moved elsewhere does not open), and the close checks each manager against the cycle's
 * snapshot. The migration stores `sealed` inline and uncompressed (STORAGE PLAIN): drizzle
 * has no word for that.
 */
export const sealedResponses = pgTable(
  "sealed_responses",
  {
    id: uuid("id")
      .notNull()
      .default(sql`gen_random_uuid()`),
    cycleId: uuid("cycle_id").notNull(),
    managerId: uuid("manager_id").notNull(),
    sealed: bytea("sealed").notNull(),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.id] })],
);

/** One anonymous response: a random v4 id, no rater, no timestamp. Written only by the close. */
export const responses = pgTable(
  "responses",
  {
    id: uuid("id")
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => cycles.id, { onDelete: "cascade" }),
    managerId: uuid("manager_id")
      .notNull()
      .references(() => people.id, { onDelete: "restrict" }),
    comment: text("comment"),
  },
  (t) => [
    index("responses_cycle_manager_idx").on(t.cycleId, t.managerId),
    // What a follow-through answer's foreign key refers to: a response of that cycle and manager.
    uniqueIndex("responses_id_cycle_manager_key").on(t.id, t.cycleId, t.managerId),
    index("responses_manager_idx").on(t.managerId),
    check("responses_comment_length", sql.raw(`comment IS NULL OR char_length(comment) BETWEEN 1 AND ${COMMENT_MAX_LENGTH}`)),
  ],
);

/** The answers of one response, one row per aspect. NULL means "can't say". */
export const responseAnswers = pgTable(
  "response_answers",
  {
    responseId: uuid("response_id")
      .notNull()
      .references(() => responses.id, { onDelete: "cascade" }),
    aspect: aspect("aspect").notNull(),
    management: smallint("management"),
    leadership: smallint("leadership"),
    need: smallint("need"),
  },
  (t) => [
    primaryKey({ columns: [t.responseId, t.aspect] }),
    ratingCheck("response_answers_management_range", "management"),
    ratingCheck("response_answers_leadership_range", "leadership"),
    check("response_answers_need_range", sql.raw(`need IS NULL OR need BETWEEN ${NEED_MIN} AND ${NEED_MAX}`)),
  ],
);

/** A manager's view of themselves. Not anonymous: it belongs to the manager. */
export const selfAssessments = pgTable(
  "self_assessments",
  {
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => cycles.id, { onDelete: "cascade" }),
    managerId: uuid("manager_id")
      .notNull()
      .references(() => people.id, { onDelete: "restrict" }),
    submittedOn: date("submitted_on").notNull().$defaultFn(clock.today),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.managerId] }), index("self_assessments_manager_idx").on(t.managerId)],
);

export const selfAssessmentAnswers = pgTable(
  "self_assessment_answers",
  {
    cycleId: uuid("cycle_id").notNull(),
    managerId: uuid("manager_id").notNull(),
    aspect: aspect("aspect").notNull(),
    management: smallint("management"),
    leadership: smallint("leadership"),
  },
  (t) => [
    primaryKey({ columns: [t.cycleId, t.managerId, t.aspect] }),
    foreignKey({
      name: "self_assessment_answers_assessment_fk",
      columns: [t.cycleId, t.managerId],
      foreignColumns: [selfAssessments.cycleId, selfAssessments.managerId],
    }).onDelete("cascade"),
    ratingCheck("self_assessment_answers_management_range", "management"),
    ratingCheck("self_assessment_answers_leadership_range", "leadership"),
  ],
);

/**
 * The situations a team is in, as an append-only history: each save adds a row with who
 * and when, and the latest row per manager is the current situation.
 */
export const teamSituations = pgTable(
  "team_situations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    managerId: uuid("manager_id")
      .notNull()
      .references(() => people.id, { onDelete: "restrict" }),
    situations: situation("situations")
      .array()
      .notNull()
      .default(sql`'{}'`),
    changedBy: uuid("changed_by")
      .notNull()
      .references(() => people.id, { onDelete: "restrict" }),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().$defaultFn(clock.now),
  },
  (t) => [
    // In the order the latest situation is read (newest first, the id breaking a tie, both
    // DESC as SQL writes it: NULLS FIRST), so that reading it is one step down the index with
    // no sort: the teams page reads one for each of thousands of teams.
    index("team_situations_manager_idx").on(t.managerId, t.changedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("team_situations_changed_by_idx").on(t.changedBy),
  ],
);

/** `CASE <column> WHEN 'key' THEN 'word' … END`, from a map of enum keys to words. */
const caseOf = (column: string, words: Readonly<Record<string, string>>) =>
  `CASE ${column} ${Object.entries(words)
    .map(([key, word]) => `WHEN '${key}' THEN '${word}'`)
    .join(" ")} END`;

/**
 * What a manager will practise after a closed cycle's report: one to three actions
 * (lib/commitments.ts), each a library action or their own words, tied to an aspect and a
 * direction. Not anonymous: it is the manager's own, and the people above them in that
 * cycle's snapshot may read it (server/dal/commitments.ts).
 *
 * The manager changes the list until the next cycle opens. Opening a cycle freezes every
 * commitment not yet frozen, in the same transaction (`frozen_in_cycle_id`), and from then on
 * a trigger refuses any change to it or its deletion; it also refuses an unfrozen row for a
 * cycle that is not closed, or that another cycle has opened since (see the migration).
 */
export const commitments = pgTable(
  "commitments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    managerId: uuid("manager_id")
      .notNull()
      .references(() => people.id, { onDelete: "restrict" }),
    /** The closed cycle whose report the commitment answers. */
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => cycles.id, { onDelete: "restrict" }),
    /** Its place in the manager's list: 1 to MAX_COMMITMENTS, so a list can never be longer. */
    position: smallint("position").notNull(),
    aspect: aspect("aspect").notNull(),
    direction: direction("direction").notNull(),
    /** A library action (lib/recommendations ACTIONS), or null for the manager's own words. */
    actionId: text("action_id"),
    customText: text("custom_text"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().$defaultFn(clock.now),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().$defaultFn(clock.now),
    /** The cycle whose opening froze it; null while the manager may still change it. */
    frozenInCycleId: uuid("frozen_in_cycle_id").references(() => cycles.id, { onDelete: "restrict" }),
  },
  (t) => [
    uniqueIndex("commitments_manager_cycle_position_key").on(t.managerId, t.cycleId, t.position),
    uniqueIndex("commitments_manager_cycle_action_key")
      .on(t.managerId, t.cycleId, t.actionId)
      .where(sql`${t.actionId} IS NOT NULL`),
    index("commitments_cycle_idx").on(t.cycleId),
    // Also how many commitments each manager froze in a cycle, which the teams page counts team by team.
    index("commitments_frozen_in_cycle_idx").on(t.frozenInCycleId, t.managerId),
    // What a follow-through answer's foreign key refers to: a commitment frozen in that cycle, of that manager.
    uniqueIndex("commitments_id_frozen_manager_key").on(t.id, t.frozenInCycleId, t.managerId),
    check("commitments_position_range", sql`${t.position} BETWEEN 1 AND ${sql.raw(String(MAX_COMMITMENTS))}`),
    check("commitments_one_source", sql`(${t.actionId} IS NULL) <> (${t.customText} IS NULL)`),
    check(
      "commitments_custom_text",
      sql`${t.customText} IS NULL OR (char_length(${t.customText}) BETWEEN 1 AND ${sql.raw(String(COMMITMENT_TEXT_MAX_LENGTH))} AND ${t.customText} = btrim(${t.customText}) AND ${t.customText} !~ '[[:cntrl:]]')`,
    ),
    // A library id reads <aspect>.<direction>.<slug> (lib/commitment-fields): it must name the row's own aspect and direction.
    check(
      "commitments_action_id_placement",
      sql.raw(
        `action_id IS NULL OR (action_id ~ '^[a-z]+\\.[a-z]+\\.[a-z0-9-]+$' AND split_part(action_id, '.', 1) = ${caseOf("aspect", ACTION_ID_ASPECT)} AND split_part(action_id, '.', 2) = ${caseOf("direction", ACTION_ID_DIRECTION)})`,
      ),
    ),
    check("commitments_frozen_by_another_cycle", sql`${t.frozenInCycleId} IS DISTINCT FROM ${t.cycleId}`),
  ],
);

/**
 * The outbox: every email the app sends about a cycle, queued in the transaction that
 * decides it (an opening, a reminder, a close) and handed to SMTP by whichever instance
 * claims it first (server/internal/email/outbox.ts). `dedupe_key` names its purpose, so two
 * instances that queue the same message store it once. Who was reminded says who had not
 * answered then, which participation already says; no message holds an answer.
 */
export const emailMessages = pgTable(
  "email_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: emailKind("kind").notNull(),
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => cycles.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "restrict" }),
    dedupeKey: text("dedupe_key").notNull(),
    /** The site address its links point to, as known when it was queued. */
    origin: text("origin").notNull(),
    status: emailStatus("status").notNull().default("pending"),
    attempts: smallint("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull(),
    /** While `sending`: until when the claiming instance holds it. */
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().$defaultFn(clock.now),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    /** The last failure's error name or SMTP code: never its message, which may quote an address. */
    lastError: text("last_error"),
  },
  (t) => [
    uniqueIndex("email_messages_dedupe_key").on(t.dedupeKey),
    index("email_messages_due_idx").on(t.status, t.nextAttemptAt),
    index("email_messages_cycle_idx").on(t.cycleId, t.kind),
    index("email_messages_person_idx").on(t.personId, t.kind, t.createdAt),
    check("email_messages_sent_at", sql`(${t.status} = 'sent') = (${t.sentAt} IS NOT NULL)`),
    check("email_messages_lease", sql`(${t.status} = 'sending') = (${t.leaseUntil} IS NOT NULL)`),
  ],
);

/**
 * One rep's answer to "Since <the last cycle>, how often have you seen <manager> <action>?"
 * for one commitment: written by the close, with the other answers of the response, only
 * for teams that met k. NULL means "can't say". The foreign keys hold the rule: the
 * commitment is one its manager made before this cycle and that this cycle's opening froze,
 * and the response is one of that manager's in this cycle.
 */
export const followThroughAnswers = pgTable(
  "follow_through_answers",
  {
    responseId: uuid("response_id").notNull(),
    commitmentId: uuid("commitment_id").notNull(),
    cycleId: uuid("cycle_id").notNull(),
    managerId: uuid("manager_id").notNull(),
    rating: smallint("rating"),
  },
  (t) => [
    primaryKey({ columns: [t.responseId, t.commitmentId] }),
    foreignKey({
      name: "follow_through_answers_response_fk",
      columns: [t.responseId, t.cycleId, t.managerId],
      foreignColumns: [responses.id, responses.cycleId, responses.managerId],
    }).onDelete("cascade"),
    foreignKey({
      name: "follow_through_answers_commitment_fk",
      columns: [t.commitmentId, t.cycleId, t.managerId],
      foreignColumns: [commitments.id, commitments.frozenInCycleId, commitments.managerId],
    }).onDelete("restrict"),
    index("follow_through_answers_commitment_idx").on(t.commitmentId, t.cycleId, t.managerId),
    ratingCheck("follow_through_answers_rating_range", "rating"),
  ],
);

/**
 * What the teams page reads instead of the raw answers: per closed cycle, one row for
 * every manager in that cycle's snapshot (everyone somebody was invited to rate). It holds
 * the manager's own manager in the snapshot, how many were invited and answered, and per
 * aspect the count, sum and sum of squares of each item's non-empty answers, in the order
 * of the aspect enum (lib/aspects.ts ASPECT_KEYS). Those are sufficient statistics: the
 * same numbers the report computes from the answers, never a single answer or a rater.
 *
 * It is filled once, in the transaction that closes the cycle, by the SQL function
 * `fill_cycle_team_summaries` (see the migration), after the answers have been rewritten in
 * random order; a closed cycle never changes afterwards. A team that ended below the
 * cycle's k has its row with its counts, and zeros for every statistic: its answers were
 * never written (lib/scoring `retainAtClose`). The statistics never change afterwards; what
 * the gate lets through of them depends on the cycle's k, which an admin may raise later,
 * so the scores kept beside them say which k they were worked out with.
 */
const momentColumn = (name: string) => integer(name).array().notNull();
export const cycleTeamSummaries = pgTable(
  "cycle_team_summaries",
  {
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => cycles.id, { onDelete: "cascade" }),
    managerId: uuid("manager_id")
      .notNull()
      .references(() => people.id, { onDelete: "restrict" }),
    /** The manager's manager in this cycle's snapshot; null at the top of the tree. */
    reportsTo: uuid("reports_to").references(() => people.id, { onDelete: "restrict" }),
    invited: integer("invited").notNull(),
    respondents: integer("respondents").notNull(),
    managementN: momentColumn("management_n"),
    managementSum: momentColumn("management_sum"),
    managementSumOfSquares: momentColumn("management_sum_of_squares"),
    leadershipN: momentColumn("leadership_n"),
    leadershipSum: momentColumn("leadership_sum"),
    leadershipSumOfSquares: momentColumn("leadership_sum_of_squares"),
    needN: momentColumn("need_n"),
    needSum: momentColumn("need_sum"),
    needSumOfSquares: momentColumn("need_sum_of_squares"),
    // L − M of the raters who rated both poles of an aspect (lib/scoring AspectAggregate).
    differenceN: momentColumn("difference_n"),
    differenceSum: momentColumn("difference_sum"),
    differenceSumOfSquares: momentColumn("difference_sum_of_squares"),
    // Each rater's mean L − M and L + M over their paired aspects, in whole units of
    // 1/420 (lib/scoring RaterAggregate). Doubles hold these whole numbers exactly up to
    // 2^53, far beyond any team; int4 could overflow on the sums of squares.
    raterN: integer("rater_n").notNull(),
    raterDifferenceSum: doublePrecision("rater_difference_sum").notNull(),
    raterDifferenceSumOfSquares: doublePrecision("rater_difference_sum_of_squares").notNull(),
    raterTotalSum: doublePrecision("rater_total_sum").notNull(),
    raterTotalSumOfSquares: doublePrecision("rater_total_sum_of_squares").notNull(),
    /**
     * What the heatmap shows of the team, worked out from the statistics above through the
     * gate at k = `scored_with_k`, by version `scoring_version` of lib/teams/scores
     * (`encodeTeamScores`: null where a value is hidden). Null for a team below that k, and
     * with the other two while not yet worked out. server/internal/team-scores works them
     * out at the close, and again for a k or a version they were not worked out with.
     */
    scores: doublePrecision("scores").array(),
    /**
     * The organisation line's pool (lib/teams/pools `encodeTeamsPool`) of this team and
     * every team below it in the snapshot, at the same k, so that a viewer's line sums the
     * pools of the people reporting to them. Null with the scores' k while not worked out.
     */
    subtreePool: doublePrecision("subtree_pool").array(),
    scoredWithK: smallint("scored_with_k"),
    scoringVersion: smallint("scoring_version"),
    /**
     * The team's place in the cycle's snapshot in pre-order, and how many teams are below it
     * (lib/teams/tree `snapshotOrder`): those below it hold the places right after its own,
     * so the teams below a viewer are one range of the index below. Worked out with the
     * scores, and null with them.
     */
    treeOrder: integer("tree_order"),
    teamsBelow: integer("teams_below"),
  },
  (t) => [
    primaryKey({ columns: [t.cycleId, t.managerId] }),
    // The teams reporting to a viewer, whose pools make the organisation line: (reports_to, cycle_id) = (viewer, cycle).
    index("cycle_team_summaries_reports_to_idx").on(t.reportsTo, t.cycleId),
    // The teams below a viewer: one range of places in the cycle, each place held once.
    uniqueIndex("cycle_team_summaries_tree_order_idx").on(t.cycleId, t.treeOrder),
    index("cycle_team_summaries_manager_idx").on(t.managerId),
    check("cycle_team_summaries_counts", sql`${t.respondents} BETWEEN 0 AND ${t.invited}`),
    check(
      "cycle_team_summaries_scores",
      sql`(${t.scoredWithK} IS NULL) = (${t.scoringVersion} IS NULL) AND ${t.scoredWithK} >= ${sql.raw(String(MIN_K))}
        AND (${t.scores} IS NULL OR (${t.scoredWithK} IS NOT NULL AND cardinality(${t.scores}) = ${sql.raw(String(STORED_SCORES_LENGTH))}))
        AND (${t.subtreePool} IS NULL) = (${t.scoredWithK} IS NULL) AND cardinality(${t.subtreePool}) = ${sql.raw(String(STORED_POOL_LENGTH))}`,
    ),
    check(
      "cycle_team_summaries_tree_order",
      sql`(${t.treeOrder} IS NULL) = (${t.scoredWithK} IS NULL) AND (${t.teamsBelow} IS NULL) = (${t.scoredWithK} IS NULL)
        AND ${t.treeOrder} >= 0 AND ${t.teamsBelow} >= 0`,
    ),
    check(
      "cycle_team_summaries_one_per_aspect",
      sql.raw(
        ["management", "leadership", "need", "difference"]
          .flatMap((series) => ["n", "sum", "sum_of_squares"].map((stat) => `cardinality(${series}_${stat}) = ${ASPECT_KEYS.length}`))
          .join(" AND "),
      ),
    ),
  ],
);

/** The anonymity thresholds. Exactly one row. */
export const settings = pgTable(
  "settings",
  {
    id: smallint("id").primaryKey().default(1),
    minRaters: smallint("min_raters").notNull().default(3),
    minCommenters: smallint("min_commenters").notNull().default(5),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().$defaultFn(clock.now),
    updatedBy: uuid("updated_by").references(() => people.id, { onDelete: "restrict" }),
  },
  (t) => [
    index("settings_updated_by_idx").on(t.updatedBy),
    check("settings_single_row", sql`${t.id} = 1`),
    check("settings_min_raters", sql`${t.minRaters} >= 3`),
    check("settings_min_commenters", sql`${t.minCommenters} >= ${t.minRaters}`),
  ],
);

/**
 * Failed sign-ins, one row each, so the throttle holds across app instances that share
 * the database. Rows older than the window are pruned as new ones arrive.
 */
export const loginFailures = pgTable(
  "login_failures",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    subjectKind: loginSubjectKind("subject_kind").notNull(),
    subject: text("subject").notNull(),
    failedAt: timestamp("failed_at", { withTimezone: true }).notNull().$defaultFn(clock.now),
  },
  (t) => [index("login_failures_subject_idx").on(t.subjectKind, t.subject, t.failedAt)],
);

/**
 * One-time links to set a password: an invitation or a reset. Only a SHA-256 hash of the
 * token is stored, so a copy of the database cannot be used to sign in.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => people.id, { onDelete: "restrict" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().$defaultFn(clock.now),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    // A newer link, or deactivating the person, voids the ones still open.
    voidedAt: timestamp("voided_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("invitations_token_hash_key").on(t.tokenHash),
    index("invitations_person_idx").on(t.personId),
    index("invitations_created_by_idx").on(t.createdBy),
    check("invitations_expiry_after_creation", sql`${t.expiresAt} > ${t.createdAt}`),
  ],
);

/**
 * What administrators did, append-only (a trigger refuses updates and deletes). It names
 * the person or cycle acted on and never holds a survey answer.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    actorId: uuid("actor_id").references(() => people.id, { onDelete: "restrict" }),
    action: auditAction("action").notNull(),
    personId: uuid("person_id").references(() => people.id, { onDelete: "restrict" }),
    // No foreign key: the log outlives a deleted draft, whose name its entry keeps in details.
    cycleId: uuid("cycle_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().$defaultFn(clock.now),
  },
  (t) => [
    index("audit_events_occurred_idx").on(t.occurredAt.desc()),
    index("audit_events_action_idx").on(t.action, t.occurredAt.desc()),
    index("audit_events_actor_idx").on(t.actorId),
    index("audit_events_person_idx").on(t.personId),
    index("audit_events_cycle_idx").on(t.cycleId),
  ],
);
