"use client";
import { BookOpen } from "lucide-react";
import Link from "next/link";
import { focusRing } from "@/components/ui/button";
import { Card, ErrorState, Skeleton } from "@/components/ui/states";
import { cn } from "@/lib/cn";
import { useWorkspaceStats } from "@/lib/stats/queries";
import { ChatbotCounts } from "./chatbot-counts";
import { NewContactsChart } from "./new-contacts-chart";
import { StatCard } from "./stat-card";

function OverviewSkeleton() {
  return (
    <div aria-busy="true" className="space-y-4">
      <p className="sr-only" role="status">
        Loading the overview…
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        {[0, 1].map((i) => (
          <Card key={i}>
            <Skeleton className="h-4 w-24" />
            <Skeleton className="mt-3 h-8 w-20" />
            <Skeleton className="mt-2 h-3 w-32" />
          </Card>
        ))}
      </div>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Card>
          <Skeleton className="h-5 w-64" />
          <Skeleton className="mt-4 h-72 w-full" />
        </Card>
        <Card>
          <Skeleton className="h-5 w-40" />
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="mt-4 h-4 w-full" />
          ))}
        </Card>
      </div>
    </div>
  );
}

function ApiReferenceLink() {
  return (
    <Card className="flex flex-wrap items-center justify-between gap-3">
      <div>
        <h2 className="text-base font-semibold">Connect your systems</h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Read and write contacts from your own code with the /v1 REST API: every endpoint, parameter and response, with examples.
        </p>
      </div>
      <Link
        href="/api-reference"
        className={cn(
          "inline-flex items-center gap-1.5 rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-indigo-500",
          focusRing,
        )}
      >
        <BookOpen aria-hidden="true" className="size-4" />
        API reference
      </Link>
    </Card>
  );
}

/** The workspace at a glance: totals, the chart by chatbot, the per-chatbot table. */
export function OverviewDashboard() {
  const stats = useWorkspaceStats();

  let body;
  if (stats.isPending) body = <OverviewSkeleton />;
  else if (stats.isError)
    body = (
      <Card>
        <ErrorState message={stats.error.message} onRetry={() => void stats.refetch()} />
      </Card>
    );
  else {
    const { totalContacts, newThisWeek, perChatbot, days } = stats.data;
    body = (
      <div className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <StatCard title="Contacts" value={totalContacts} hint="All contacts in this workspace" />
          <StatCard title="New this week" value={newThisWeek} hint="Created in the last 7 days" />
        </div>
        <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <NewContactsChart days={days} chatbots={perChatbot} />
          <ChatbotCounts chatbots={perChatbot} total={totalContacts} />
        </div>
      </div>
    );
  }

  return (
    <div className="space-y-4">
      {body}
      <ApiReferenceLink />
    </div>
  );
}
