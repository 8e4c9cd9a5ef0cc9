import "server-only";
import type { Viewer } from "@/server/dal/viewer";
import { ForbiddenError } from "@/server/dal/errors";
import { currentViewer } from "@/server/dal/session";

const plainText = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * A CSV download for the signed-in person, as every export answers: 401 without a session;
 * the file, never cached, when the data access layer lets the viewer have it; and 404 when
 * it refuses, so that to anyone else the address does not exist.
 */
export async function csvDownload(build: (viewer: Viewer) => Promise<{ filename: string; csv: string }>): Promise<Response> {
  const viewer = await currentViewer();
  if (!viewer) return plainText("Sign in to download this file.", 401);
  try {
    const { filename, csv } = await build(viewer);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof ForbiddenError) return plainText("Not found.", 404);
    throw error;
  }
}
