import postgres from "postgres";

/** How many participations and sealed responses an open cycle holds: what a submission writes. */
export async function submissionRows(sql: postgres.Sql, cycleId: string) {
  const [rows] = await sql<{ participations: number; sealed: number }[]>`
    SELECT (SELECT count(*)::int FROM participations WHERE cycle_id = ${cycleId}) AS participations,
      (SELECT count(*)::int FROM sealed_responses WHERE cycle_id = ${cycleId}) AS sealed`;
  return rows!;
}

/**
 * Every trace of a half-written submission: a manager with more participations than sealed
 * responses (or the reverse), and a sealed response of another length than every other.
 * Empty when each submission was written whole or not at all.
 */
export async function halfWrittenSubmissions(sql: postgres.Sql, cycleId: string): Promise<string[]> {
  const mismatched = await sql<{ manager_id: string; participations: number; sealed: number }[]>`
    SELECT manager_id, coalesce(p.n, 0)::int AS participations, coalesce(s.n, 0)::int AS sealed
    FROM (SELECT manager_id, count(*) AS n FROM participations WHERE cycle_id = ${cycleId} GROUP BY manager_id) p
    FULL JOIN (SELECT manager_id, count(*) AS n FROM sealed_responses WHERE cycle_id = ${cycleId} GROUP BY manager_id) s USING (manager_id)
    WHERE coalesce(p.n, 0) <> coalesce(s.n, 0)`;
  const lengths = await sql<{ length: number }[]>`
    SELECT DISTINCT octet_length(sealed)::int AS length FROM sealed_responses WHERE cycle_id = ${cycleId}`;
  return [
    ...mismatched.map((row) => `manager ${row.manager_id}: ${row.participations} participations, ${row.sealed} sealed responses`),
    ...(lengths.length > 1 ? [`sealed responses of ${lengths.length} different lengths`] : []),
  ];
}

/** Which of these raters have a participation in the cycle. */
export async function ratersWhoParticipated(sql: postgres.Sql, cycleId: string, raterIds: string[]) {
  const rows = await sql<{ rater_id: string }[]>`
    SELECT rater_id FROM participations WHERE cycle_id = ${cycleId} AND rater_id = ANY(${raterIds}::uuid[])`;
  return new Set(rows.map((row) => row.rater_id));
}

/**
 * Holds a lock on the sealed responses that lets a submission write its participation row
 * and then stop before its sealed row: the one moment at which a fault could leave a
 * submission half-written. The transaction has a connection of its own, driven with plain
 * BEGIN and ROLLBACK: postgres.js's `begin` would write a ROLLBACK on a connection that a
 * restart has closed, and crash the test (porsager/postgres#1208).
 */
export async function holdSealedWrites(url: string) {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  await client`BEGIN`;
  // SHARE conflicts with the ROW EXCLUSIVE lock an insert takes, and with nothing a read takes.
  await client`LOCK TABLE sealed_responses IN SHARE MODE`;
  return {
    release: async () => {
      // After a restart this runs on a new session, outside any transaction: harmless.
      await client`ROLLBACK`.catch(() => {});
      await client.end({ timeout: 1 });
    },
  };
}

/**
 * Waits until this many of the app's sessions are stopped at the insert of a sealed
 * response, waiting for the lock `holdSealedWrites` holds: each of them a submission that
 * has written its participation and not yet its answers. Counting any session that waits
 * for any lock would also count a moment's wait elsewhere (two submissions sharing the
 * cycle's row), and let the test go on while a submission it means to catch halfway has
 * not yet reached the database. Returns what each app session was doing, for the log.
 */
export async function waitForHeldSealedWrites(sql: postgres.Sql, count: number) {
  const deadline = performance.now() + 30_000;
  for (;;) {
    const sessions = await sql<{ state: string; waitEvent: string | null; query: string }[]>`
      SELECT state, wait_event_type || '/' || wait_event AS "waitEvent", left(query, 40) AS query
      FROM pg_stat_activity WHERE application_name = 'fulcrum'`;
    const held = sessions.filter((session) => session.waitEvent === "Lock/relation" && /^insert into "sealed_responses"/i.test(session.query));
    const activity = sessions.map((session) => `${session.state} ${session.waitEvent ?? "-"} ${session.query}`);
    if (held.length >= count) return activity;
    if (performance.now() > deadline) throw new Error(`Only ${held.length} of ${count} submissions reached the sealed insert:\n${activity.join("\n")}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The app's connections to the database, by the application name it gives them. */
export async function appConnections(sql: postgres.Sql) {
  const [row] = await sql<{ connections: number }[]>`
    SELECT count(*)::int AS connections FROM pg_stat_activity WHERE application_name = 'fulcrum'`;
  return row!.connections;
}

/** Sessions that ended without the client saying goodbye: a process that died with its pool open. */
export async function abandonedSessions(sql: postgres.Sql) {
  const [row] = await sql<{ abandoned: number }[]>`
    SELECT sessions_abandoned::int AS abandoned FROM pg_stat_database WHERE datname = current_database()`;
  return row!.abandoned;
}
