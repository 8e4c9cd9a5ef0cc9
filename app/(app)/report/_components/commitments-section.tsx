import Link from "next/link";
import { numberWord } from "@/app/_components/number-words";
import { commitmentFormValues, MAX_COMMITMENTS, MIN_COMMITMENTS, placementLabel } from "@/lib/commitment-fields";
import { formatDay } from "@/lib/dates";
import { developmentPlan } from "@/lib/recommendations";
import type { CommitmentList as Commitments } from "@/server/dal/commitments";
import type { ClosedReport } from "@/server/dal/report";
import { CommitmentList, CommitmentsForm, type ListedCommitment, type SuggestedChoice } from "./commitments-form";

/** Why the list no longer changes, or who may change it until when; null while the manager edits it. */
function statusLine(list: Commitments): string | null {
  const { closedBy, frozenIn, own } = list;
  if (frozenIn !== null) {
    return closedBy?.reason === "next-cycle-opened" && closedBy.cycleName === frozenIn
      ? `Frozen when ${frozenIn} opened, on ${formatDay(closedBy.openedOn)}.`
      : `Frozen when ${frozenIn} opened.`;
  }
  if (closedBy?.reason === "next-cycle-opened") {
    return list.items.length === 0
      ? `${own ? "You" : list.manager.name} made no commitments after ${list.cycle.name}: ${closedBy.cycleName} opened on ${formatDay(closedBy.openedOn)}.`
      : `${closedBy.cycleName} opened on ${formatDay(closedBy.openedOn)}.`;
  }
  if (closedBy?.reason === "newer-report") return `Commitments are made on the latest report, ${closedBy.cycleName}.`;
  if (own) return null;
  return list.items.length === 0
    ? `${list.manager.name} has not committed to any actions after this report yet.`
    : `${list.manager.name} can change them until the next cycle opens.`;
}

/**
 * "Your commitments": after the report's suggestions, the one to three actions the manager
 * will practise before the next cycle. The manager changes them here until the next cycle
 * opens; then they are frozen and read-only. Someone above the manager in the cycle's
 * snapshot reads them; the data access layer lets nobody else have them.
 */
export function CommitmentsSection({ report }: { report: ClosedReport }) {
  const list = report.commitments;
  if (!list) return null;
  const editable = list.own && list.open;
  const { team } = report.current;
  const suggested: SuggestedChoice[] = team.shown
    ? developmentPlan(team, report.target).actions.map((pick) => ({
        actionId: pick.action.id,
        text: pick.action.text,
        aspect: pick.aspect,
        direction: pick.direction,
      }))
    : [];
  const items: ListedCommitment[] = list.items.map(({ position, text, commitment }) => ({
    position,
    text,
    detail: `${placementLabel(commitment.aspect, commitment.direction)}${commitment.source === "own" ? (list.own ? " · in your own words" : " · in their own words") : ""}`,
  }));
  const status = statusLine(list);
  const empty = list.own ? "You have not committed to any actions yet." : `${list.manager.name} made no commitments.`;
  return (
    <section aria-labelledby="commitments-heading" className="report-section space-y-3">
      <h2 id="commitments-heading" className="text-xl font-semibold">
        {list.own ? "Your commitments" : `${list.manager.name}'s commitments`}
      </h2>
      {editable && (
        <p className="max-w-3xl text-slate-700">
          Pick {numberWord(MIN_COMMITMENTS)} to {numberWord(MAX_COMMITMENTS)} actions to practise before the next cycle: a suggested one, one from the library
          for an aspect and a direction, or one in your own words. You can change them until the next cycle opens; then they are frozen. The people above you in
          the reporting tree can read them.
        </p>
      )}
      {status !== null && <p className="text-slate-700">{status}</p>}
      {list.own && team.shown && (
        <p className="print:hidden">
          Share what your team said and what you will practise:{" "}
          <Link href={`/debrief/${list.cycle.id}`} className="underline">
            Team debrief, one page to print
          </Link>
        </p>
      )}
      {(items.length > 0 || editable || status === null) && <CommitmentList items={items} empty={empty} cycleId={editable ? list.cycle.id : undefined} />}
      {editable && (
        <h3 id="commitments-form-heading" className="text-lg font-semibold print:hidden">
          {items.length === 0 ? "Choose your commitments" : "Change your commitments"}
        </h3>
      )}
      {editable && (
        <CommitmentsForm
          cycleId={list.cycle.id}
          values={commitmentFormValues(list.items.map((item) => item.commitment))}
          suggested={suggested}
          labelledBy="commitments-form-heading"
        />
      )}
    </section>
  );
}
