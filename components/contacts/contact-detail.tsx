"use client";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button, focusRing } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
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
import { ContactProfileHeader } from "./contact-profile-header";
import { ConversationTimeline } from "./conversation-timeline";

const backLinkClass = cn("inline-flex items-center gap-1 rounded text-sm text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white", focusRing);

function BackToContacts() {
  const listHref = useContactsListHref();
  return (
    <Link href={listHref} className={backLinkClass}>
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
        <ContactProfileHeader contact={contact} title={title} chatbots={chatbots.data ?? []} onDelete={() => setConfirmingDelete(true)} />
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
                // Stays in view at the bottom of the screen while a long metadata list scrolls.
                <div className="sticky bottom-0 z-10 -mx-5 -mb-5 flex items-center justify-end gap-2 rounded-b-lg border-t border-slate-200 bg-white px-5 py-4 dark:border-slate-800 dark:bg-slate-900">
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
