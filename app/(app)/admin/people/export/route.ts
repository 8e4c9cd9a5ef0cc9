import { csvDownload } from "@/server/csv-download";
import { exportOrganisation } from "@/server/dal/org-import";
import { getDb } from "@/server/db";

// Read at each request, never at build time: it depends on the session and on today's organisation.
export const dynamic = "force-dynamic";

/**
 * The organisation as a CSV download in the import format: every active person, spreadsheet-safe.
 * The session is re-read, and the data access layer checks that the viewer is an
 * administrator; to anyone else the address does not exist.
 */
export async function GET() {
  return csvDownload(async (viewer) => exportOrganisation(await getDb(), viewer));
}
