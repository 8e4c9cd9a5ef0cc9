import type { ClosedReport } from "@/server/dal/report";
import { Hidden } from "./scores";

/**
 * The team's comments, word for word. Only the manager sees them, only above the comment
 * threshold, and in an order shuffled on every request, so that nothing hints at who
 * wrote what or when.
 */
export function CommentsSection({ report }: { report: ClosedReport }) {
  const { comments, thresholds } = report;
  if (!report.current.team.shown) return null;
  return (
    <section aria-labelledby="comments-heading" className="report-section space-y-3">
      <h2 id="comments-heading" className="text-xl font-semibold">
        Comments
      </h2>
      {comments === null ? (
        <p className="text-slate-700">Comments are shown only to {report.manager.name}.</p>
      ) : comments.shown ? (
        <>
          <p className="text-sm text-slate-700">In random order, never in the order they were written.</p>
          <ul className="report-comments space-y-2">
            {comments.items.map((comment, index) => (
              <li key={index} className="report-card rounded-lg border border-slate-200 bg-white px-4 py-3">
                <blockquote>{comment}</blockquote>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>
          <Hidden reason={comments.reason} thresholds={thresholds} />
        </p>
      )}
    </section>
  );
}
