import type { Metadata } from "next";
import Link from "next/link";
import { clock } from "@/lib/clock";
import { formatDay } from "@/lib/dates";
import { surveyText } from "@/lib/instrument";
import { draftOwner } from "@/lib/survey/drafts";
import { loadFollowThroughQuestions } from "@/server/dal/assessments";
import { currentThresholds } from "@/server/dal/settings";
import { loadPageAssessment } from "./load-page-assessment";
import { SurveyForm } from "./survey-form";

export const metadata: Metadata = { title: "Assessment" };

export default async function AssessmentPage(props: { params: Promise<{ cycleId: string; managerId: string }> }) {
  const { viewer, db, assessment } = await loadPageAssessment(props.params);
  const title = assessment.isSelf ? "Your self-assessment" : `Rate ${assessment.managerName}`;

  if (assessment.done || assessment.state !== "open") {
    return (
      <div className="max-w-2xl space-y-4">
        <h1 className="text-2xl font-bold">{title}</h1>
        <p className="rounded-lg border border-slate-200 bg-white p-4">
          {assessment.done
            ? assessment.isSelf
              ? `You have already assessed yourself in ${assessment.cycleName}. Thank you.`
              : `You have already rated ${assessment.managerName} in ${assessment.cycleName}. Thank you.`
            : assessment.state === "closed"
              ? `${assessment.cycleName} has closed: answers are no longer taken.`
              : `${assessment.cycleName} has not opened yet.`}
        </p>
        <Link href="/">Back to your assessments</Link>
      </div>
    );
  }

  const { commentThreshold } = await currentThresholds(db);
  const followThrough = await loadFollowThroughQuestions(db, viewer, assessment.cycleId, assessment.managerId);
  return (
    <SurveyForm
      draftOwner={draftOwner(viewer.id)}
      closesOn={assessment.closesOn}
      today={clock.today()}
      perspective={assessment.isSelf ? "self" : "rater"}
      cycleId={assessment.cycleId}
      managerId={assessment.managerId}
      title={title}
      subtitle={`${assessment.cycleName} · due ${formatDay(assessment.closesOn)}`}
      managerFirstName={assessment.managerName.split(" ")[0] ?? assessment.managerName}
      commentThreshold={commentThreshold}
      followThrough={followThrough}
      text={surveyText()}
    />
  );
}
