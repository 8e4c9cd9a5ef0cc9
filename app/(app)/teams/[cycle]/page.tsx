import type { Metadata } from "next";
import { TeamsScreen } from "../_components/teams-screen";

export const metadata: Metadata = { title: "Teams" };

/** The teams below the viewer in one cycle, as that cycle's snapshot of the tree had them. */
export default async function TeamsCyclePage({ params, searchParams }: PageProps<"/teams/[cycle]">) {
  const { cycle } = await params;
  return <TeamsScreen cycleId={cycle} searchParams={await searchParams} />;
}
