import type { Metadata } from "next";
import { TeamsScreen } from "./_components/teams-screen";

export const metadata: Metadata = { title: "Teams" };

/** The teams below the viewer in the latest closed cycle (or the open one, before any has closed). */
export default async function TeamsPage({ searchParams }: PageProps<"/teams">) {
  return <TeamsScreen searchParams={await searchParams} />;
}
