import type { NextRequest } from "next/server";
import { parseView } from "@/lib/teams/view";
import { ForbiddenError } from "@/server/dal/errors";
import { currentViewer } from "@/server/dal/session";
import { exportTeams } from "@/server/dal/teams";
import { getDb } from "@/server/db";

/**
 * The heatmap of one closed cycle as a CSV download, for the view in the query string
 * (the same parameters as the page). The session is re-read and the data access layer
 * checks the viewer's right to the cycle's teams, exactly as for the page.
 */
export async function GET(request: NextRequest, context: RouteContext<"/teams/[cycle]/export">) {
  const viewer = await currentViewer();
  if (!viewer) return new Response("Sign in to download this file.", { status: 401, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const { cycle } = await context.params;
  const params = Object.fromEntries([...new Set(request.nextUrl.searchParams.keys())].map((key) => [key, request.nextUrl.searchParams.get(key) ?? undefined]));
  try {
    const { filename, csv } = await exportTeams(await getDb(), viewer, cycle, parseView(params));
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof ForbiddenError) return new Response("Not found.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    throw error;
  }
}
