import { createHash } from "node:crypto";
import { stringify } from "csv-stringify/sync";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { selectUncheckedRows } from "@/tests/support/raw";

export interface OrgRow {
  email: string;
  name: string;
  manager_email: string;
  admin: string;
}

/** Everyone active, as a line of the org-chart import: the file that changes nothing. */
export function activeOrganisation(db: Database): Promise<OrgRow[]> {
  return selectUncheckedRows<OrgRow>(
    db,
    sql`SELECT p.email, p.name, coalesce(m.email, '') AS manager_email, CASE WHEN p.is_admin THEN 'yes' ELSE 'no' END AS admin
        FROM people p LEFT JOIN people m ON m.id = p.reports_to
        WHERE p.is_active ORDER BY p.email`,
  );
}

export const orgCsv = (rows: OrgRow[]) => stringify(rows, { header: true, columns: ["email", "name", "manager_email", "admin"], record_delimiter: "windows" });

/** The hash the import's preview gives a file, which applying it must repeat. The server reads the file as text, which drops a byte-order mark. */
export const fileHash = (csv: string) =>
  createHash("sha256")
    .update(csv.replace(/^\uFEFF/, ""), "utf8")
    .digest("hex");
