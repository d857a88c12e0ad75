"use client";
import { Plus } from "lucide-react";
import { useState } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { ContactsTable } from "./contacts-table";
import { NewContactDialog } from "./new-contact-dialog";

export function ContactsPage() {
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title="Contacts"
        description="Everyone your chatbots have talked to."
        actions={
          <Button variant="primary" onClick={() => setCreating(true)}>
            <Plus aria-hidden="true" className="size-4" />
            New contact
          </Button>
        }
      />
      <ContactsTable onCreate={() => setCreating(true)} />
      <NewContactDialog open={creating} onOpenChange={setCreating} />
    </>
  );
}
