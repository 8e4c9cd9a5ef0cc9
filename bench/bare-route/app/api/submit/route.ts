import postgres from "postgres";
import { seal } from "../../../seal";

/**
 * The floor of the survey submission inside Next.js: a bare route handler that runs the
 * transaction of server/dal/assessments.ts `submitResponse`, statement for statement, with
 * postgres.js and no session, no viewer, no validation, no React. Like the app, it seals
 * the answers (AES-256-GCM under a key derived for the cycle, ../../../seal.ts) and writes
 * one sealed row beside the participation; it imports nothing of the app. The benchmark
 * posts the rater in the body; nothing here is fit for anything but that.
 */
const sql = postgres(process.env.DATABASE_URL ?? "", {
  max: Number(process.env.DATABASE_POOL_MAX ?? 10),
  connection: { application_name: "fulcrum-bare-route" },
  onnotice: () => {},
});

interface Submission {
  cycleId: string;
  raterId: string;
  managerId: string;
  /** Today, from the app's clock: the day is all a participation keeps. */
  submittedOn: string;
  comment: string | null;
  answers: { aspect: string; management: number | null; leadership: number | null; need: number | null }[];
}

async function submit(s: Submission): Promise<string> {
  return sql.begin(async (tx) => {
    const [cycle] = await tx`SELECT state, seal_key_fingerprint FROM cycles WHERE id = ${s.cycleId} FOR SHARE`;
    if (!cycle) return "not-invited";
    // The assessment as findAssessment reads it: cycle, manager, self or not, done or not.
    const [assessment] = await tx`
      SELECT c.id, c.name, c.closes_on, c.state, m.id AS manager_id, m.name AS manager_name,
        a.rater_id = a.manager_id AS is_self,
        CASE WHEN a.rater_id = a.manager_id
          THEN EXISTS (SELECT 1 FROM self_assessments s WHERE s.cycle_id = c.id AND s.manager_id = m.id)
          ELSE EXISTS (SELECT 1 FROM participations p WHERE p.cycle_id = c.id AND p.rater_id = a.rater_id AND p.manager_id = m.id) END AS done
      FROM cycle_assignments a
      JOIN cycles c ON c.id = a.cycle_id
      JOIN people m ON m.id = a.manager_id
      WHERE a.cycle_id = ${s.cycleId} AND a.rater_id = ${s.raterId} AND a.manager_id = ${s.managerId}`;
    if (!assessment || assessment.is_self) return "not-invited";
    if (assessment.state !== "open") return "not-open";
    // The app refuses a cycle sealed under another key than its own. This process's key is
    // its own random one, so only that the cycle recorded a key (opened as the app opens it) is checked.
    if (cycle.seal_key_fingerprint === null) throw new Error("The cycle was opened without a seal key.");
    const inserted = await tx`
      INSERT INTO participations (cycle_id, rater_id, manager_id, submitted_on) VALUES (${s.cycleId}, ${s.raterId}, ${s.managerId}, ${s.submittedOn})
      ON CONFLICT DO NOTHING RETURNING rater_id`;
    if (inserted.length === 0) return "already-done";
    await tx`INSERT INTO sealed_responses (cycle_id, manager_id, sealed) VALUES (${s.cycleId}, ${s.managerId}, ${seal(s.cycleId, s.managerId, s.answers, s.comment)})`;
    return "saved";
  });
}

export async function POST(request: Request) {
  const outcome = await submit((await request.json()) as Submission);
  return Response.json({ outcome }, { status: outcome === "saved" ? 200 : 409 });
}
