import { ForbiddenError } from "@/server/dal/errors";
import { exportOrganisation } from "@/server/dal/org-import";
import { currentViewer } from "@/server/dal/session";
import { getDb } from "@/server/db";

// Read at each request, never at build time: it depends on the session and on today's organisation.
export const dynamic = "force-dynamic";

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * The organisation as a CSV download in the import format: every active person, spreadsheet-safe.
 * The session is re-read, and the data access layer checks that the viewer is an
 * administrator; to anyone else the address does not exist.
 */
export async function GET() {
  const viewer = await currentViewer();
  if (!viewer) return text("Sign in to download this file.", 401);
  try {
    const { filename, csv } = await exportOrganisation(await getDb(), viewer);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof ForbiddenError) return text("Not found.", 404);
    throw error;
  }
}
