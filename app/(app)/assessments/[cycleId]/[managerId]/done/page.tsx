import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { formatDay } from "@/lib/dates";
import { currentThresholds } from "@/server/dal/settings";
import { loadPageAssessment } from "../load-page-assessment";

export const metadata: Metadata = { title: "Thank you" };

/** The confirmation. It shows no answers and no time, only what happens next. */
export default async function AssessmentDonePage(props: { params: Promise<{ cycleId: string; managerId: string }> }) {
  const { db, assessment } = await loadPageAssessment(props.params);
  if (!assessment.done) redirect(`/assessments/${assessment.cycleId}/${assessment.managerId}`);
  const { k } = await currentThresholds(db);
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">Thank you</h1>
      {assessment.isSelf ? (
        <p>
          Your self-assessment for {assessment.cycleName} is in. It will appear next to your team&apos;s view in your report once the cycle closes on{" "}
          {formatDay(assessment.closesOn)}.
        </p>
      ) : (
        <>
          <p>
            Your answers about {assessment.managerName} for {assessment.cycleName} are in. They are stored without your name, and nobody,{" "}
            {assessment.managerName.split(" ")[0]} and administrators included, can see what you answered.
          </p>
          <p>
            {assessment.managerName.split(" ")[0]} will see the team&apos;s combined results after the cycle closes on {formatDay(assessment.closesOn)}, and
            only if at least {k} colleagues answered.
          </p>
        </>
      )}
      <Link href="/">Back to your assessments</Link>
    </div>
  );
}
