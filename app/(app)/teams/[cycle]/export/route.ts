import type { NextRequest } from "next/server";
import { parseView } from "@/lib/teams/view";
import { csvDownload } from "@/server/csv-download";
import { exportTeams } from "@/server/dal/teams";
import { getDb } from "@/server/db";

/**
 * The heatmap of one closed cycle as a CSV download, for the view in the query string
 * (the same parameters as the page). The session is re-read and the data access layer
 * checks the viewer's right to the cycle's teams, exactly as for the page.
 */
export async function GET(request: NextRequest, context: RouteContext<"/teams/[cycle]/export">) {
  const { cycle } = await context.params;
  const params = Object.fromEntries([...new Set(request.nextUrl.searchParams.keys())].map((key) => [key, request.nextUrl.searchParams.get(key) ?? undefined]));
  return csvDownload(async (viewer) => exportTeams(await getDb(), viewer, cycle, parseView(params)));
}
