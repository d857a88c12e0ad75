"use client";
import { ArrowLeft, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button, focusRing } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RelativeTime } from "@/components/ui/relative-time";
import { Card, EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { useChatbots } from "@/lib/chatbots/queries";
import { contactToForm, formToPatch } from "@/lib/contacts/form-schema";
import { useContact, useDeleteContact, useUpdateContact } from "@/lib/contacts/queries";
import type { ContactWithConversations } from "@/lib/contacts/schemas";
import { ApiRequestError } from "@/lib/http/api-fetch";
import { useContactsListHref } from "@/lib/hooks/use-contacts-list-href";
import { useUnsavedChangesWarning } from "@/lib/hooks/use-unsaved-changes-warning";
import { cn } from "@/lib/cn";
import { ContactForm } from "./contact-form";
import { ConversationTimeline } from "./conversation-timeline";

const backLinkClass = cn("inline-flex items-center gap-1 rounded text-sm text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white", focusRing);

function BackToContacts() {
  const listHref = useContactsListHref();
  return (
    <Link href={listHref} className={backLinkClass} data-back-to-contacts>
      <ArrowLeft aria-hidden="true" className="size-4" />
      Contacts
    </Link>
  );
}

export function ContactDetail({ contactId }: { contactId: string }) {
  const contact = useContact(contactId);

  if (contact.isPending) {
    return (
      <div className="space-y-4" aria-label="Loading contact">
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-96 w-full max-w-2xl" />
      </div>
    );
  }
  if (contact.isError) {
    const notFound = contact.error instanceof ApiRequestError && contact.error.status === 404;
    return (
      <div className="space-y-4">
        <BackToContacts />
        {notFound ? (
          <EmptyState title="Contact not found">
            <p className="text-sm text-slate-600 dark:text-slate-400">It may have been deleted, or the link is wrong.</p>
          </EmptyState>
        ) : (
          <ErrorState message={contact.error.message} onRetry={() => contact.refetch()} />
        )}
      </div>
    );
  }
  return <ContactEditor contact={contact.data} />;
}

function ContactEditor({ contact }: { contact: ContactWithConversations }) {
  const router = useRouter();
  const listHref = useContactsListHref();
  const chatbots = useChatbots();
  const update = useUpdateContact(contact.id);
  const remove = useDeleteContact(contact.id);
  const [dirty, setDirty] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  useUnsavedChangesWarning(dirty);
  const title = contact.name ?? contact.email ?? "Unnamed contact";

  async function deleteContact() {
    try {
      await remove.mutateAsync();
      setDirty(false);
      toast.success(`Deleted ${title}`);
      router.push(listHref);
    } catch (error) {
      toast.error(error instanceof Error ? error.message : "Could not delete the contact");
      setConfirmingDelete(false);
    }
  }

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <BackToContacts />
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0">
            <h1 className="truncate text-2xl font-semibold tracking-tight">{title}</h1>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              <span className="font-mono">{contact.id}</span> · created <RelativeTime value={contact.createdAt} /> · updated{" "}
              <RelativeTime value={contact.updatedAt} />
            </p>
          </div>
          <Button variant="danger" onClick={() => setConfirmingDelete(true)}>
            <Trash2 aria-hidden="true" className="size-4" />
            Delete
          </Button>
        </div>
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <Card className="self-start">
          <h2 className="mb-4 text-lg font-semibold">Details</h2>
          {chatbots.isPending ? (
            <Skeleton className="h-64 w-full" />
          ) : (
            <ContactForm
              key={contact.id}
              id="contact"
              defaultValues={contactToForm(contact)}
              chatbots={chatbots.data ?? []}
              chatbotEditable={false}
              onDirtyChange={setDirty}
              onSave={async (values) => {
                const patch = formToPatch(values, contact);
                if (Object.keys(patch).length === 0) {
                  toast.info("Nothing to save");
                  return contactToForm(contact);
                }
                const saved = await update.mutateAsync(patch);
                toast.success("Saved");
                return contactToForm(saved);
              }}
              actions={({ saving, dirty: formDirty, reset }) => (
                <div className="flex items-center justify-end gap-2 border-t border-slate-200 pt-4 dark:border-slate-800">
                  {formDirty ? <span className="mr-auto text-sm text-amber-700 dark:text-amber-400">Unsaved changes</span> : null}
                  <Button disabled={!formDirty || saving} onClick={reset}>
                    Discard
                  </Button>
                  <Button type="submit" variant="primary" disabled={saving}>
                    {saving ? "Saving…" : "Save changes"}
                  </Button>
                </div>
              )}
            />
          )}
        </Card>
        <ConversationTimeline contactId={contact.id} chatbots={chatbots.data ?? []} />
      </div>
      <ConfirmDialog
        open={confirmingDelete}
        onOpenChange={setConfirmingDelete}
        title={`Delete ${title}?`}
        description="The contact and their metadata are deleted for good. Their conversations stay, without a contact."
        confirmLabel="Delete contact"
        pending={remove.isPending}
        onConfirm={deleteContact}
      />
    </div>
  );
}
