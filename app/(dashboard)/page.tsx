import type { Metadata } from "next";
import { PageHeader } from "@/components/layout/page-header";
import { OverviewDashboard } from "@/components/overview/overview-dashboard";

export const metadata: Metadata = { title: "Overview" };

// GET / — the workspace at a glance.
export default function OverviewPage() {
  return (
    <>
      <PageHeader title="Overview" description="Your workspace at a glance." />
      <OverviewDashboard />
    </>
  );
}
