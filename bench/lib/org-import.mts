import { stringify } from "csv-stringify/sync";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { selectUncheckedRows } from "@/tests/support/raw";
import { clock } from "@/lib/clock";
import { applyImport, fileHash, previewImport } from "@/server/dal/org-import";
import { loadViewer } from "@/server/internal/viewer";
import { summarise, time } from "./stats.mjs";
import type { Row } from "./types.mjs";

const ROWS = 10_000;
const TEAM_SIZE = 12;

interface Line {
  email: string;
  name: string;
  manager_email: string;
  admin: string;
}

/**
 * An org chart of ROWS lines: everyone already in the database as they are, then new
 * first-line managers under the existing directors and new reps under them.
 */
async function orgChart(db: Database): Promise<{ csv: string; added: Line[] }> {
  const existing = await selectUncheckedRows<Line>(
    db,
    sql`
    SELECT p.email, p.name, coalesce(m.email, '') AS manager_email, CASE WHEN p.is_admin THEN 'yes' ELSE '' END AS admin
    FROM people p LEFT JOIN people m ON m.id = p.reports_to WHERE p.is_active ORDER BY p.email`,
  );
  const directors = await selectUncheckedRows<{ email: string }>(
    db,
    sql`
    SELECT DISTINCT m.email FROM people m JOIN people r ON r.reports_to = m.id JOIN people rr ON rr.reports_to = r.id
    WHERE m.is_active ORDER BY m.email`,
  );
  if (directors.length === 0) throw new Error("The import benchmark needs a database with a tree of teams.");
  const added: Line[] = [];
  let manager = "";
  for (let i = 0; existing.length + added.length < ROWS; i++) {
    const email = `import-${String(i).padStart(5, "0")}@bench.example`;
    const name = `Imported Person ${i}`;
    if (i % (TEAM_SIZE + 1) === 0) {
      added.push({ email, name, manager_email: directors[i % directors.length]!.email, admin: "" });
      manager = email;
    } else {
      added.push({ email, name, manager_email: manager, admin: "" });
    }
  }
  const lines = [...existing, ...added];
  return { csv: stringify(lines, { header: true, columns: ["email", "name", "manager_email", "admin"] }), added };
}

/**
 * The same new people written the fastest way we know: one insert and one update from a
 * JSON document, in a transaction that is then rolled back, so it can be timed again.
 */
async function handWrittenImport(db: Database, added: Line[]) {
  const rollback = new Error("rollback");
  try {
    await db.transaction(async (tx) => {
      const rows = JSON.stringify(added);
      await tx.execute(sql`
        INSERT INTO people (email, name, is_admin, created_at)
        SELECT email, name, false, ${clock.now().toISOString()}::timestamptz FROM jsonb_to_recordset(${rows}::jsonb) AS v(email text, name text)`);
      await tx.execute(sql`
        UPDATE people p SET reports_to = m.id
        FROM jsonb_to_recordset(${rows}::jsonb) AS v(email text, manager_email text) JOIN people m ON m.email = v.manager_email
        WHERE p.email = v.email`);
      throw rollback;
    });
  } catch (error) {
    if (error !== rollback) throw error;
  }
}

/**
 * The org-chart import of a 10,000-line file, in this process through the data access
 * layer (the server action adds only the upload around it): the dry run, the apply, and
 * the same file again, which changes nothing. The apply runs once, on a fresh copy.
 */
export async function importRows(db: Database, section: string, runs: number): Promise<Row[]> {
  const [admin] = await selectUncheckedRows<{ id: string }>(db, sql`SELECT id FROM people WHERE is_admin AND is_active ORDER BY email LIMIT 1`);
  const viewer = admin && (await loadViewer(db, admin.id));
  if (!viewer) throw new Error("The import benchmark needs an active administrator.");
  const { csv, added } = await orgChart(db);
  const repeat = Math.max(3, Math.ceil(runs / 20));

  const floor = summarise(await time(() => handWrittenImport(db, added), repeat, 1));
  const preview = summarise(await time(() => previewImport(db, viewer, csv), repeat, 1));
  const started = performance.now();
  const outcome = await applyImport(db, viewer, csv, fileHash(csv));
  const applyMs = performance.now() - started;
  if (!outcome.changed || outcome.counts.added !== added.length) throw new Error(`The import added ${outcome.counts.added} people, not ${added.length}.`);
  const again = summarise(
    await time(
      async () => {
        const unchanged = await applyImport(db, viewer, csv, fileHash(csv));
        if (unchanged.changed) throw new Error("Importing the same file again changed something.");
      },
      repeat,
      0,
    ),
  );
  const lines = `${ROWS.toLocaleString("en")} lines, ${added.length.toLocaleString("en")} new`;
  return [
    { section, name: "org import: dry run (parse, check, plan) p50", value: preview.p50, unit: "ms", notes: `${lines}; ${preview.runs} runs` },
    {
      section,
      name: "org import: apply",
      value: applyMs,
      unit: "ms",
      floor: { name: "one insert + one update, hand-written", value: floor.p50 },
      notes: `${lines}; one run on a fresh copy; ${Math.round((ROWS / applyMs) * 1000).toLocaleString("en")} lines/s`,
    },
    { section, name: "org import: same file again (no change) p50", value: again.p50, unit: "ms", notes: `${again.runs} runs` },
  ];
}
