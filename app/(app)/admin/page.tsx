import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireViewer } from "@/server/dal/session";
import { AdminSection } from "../_sections/admin-section";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminPage() {
  const viewer = await requireViewer();
  if (!viewer.isAdmin) notFound();
  return <AdminSection viewer={viewer} level={1} />;
}
