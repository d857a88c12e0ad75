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
import { contactToForm, formToPatch, type ContactFormValues } from "@/lib/contacts/form-schema";
import { useContact, useDeleteContact, useFetchLatestContact, useUpdateContact, type ContactVersion } from "@/lib/contacts/queries";
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

const isStale = (error: unknown) => error instanceof ApiRequestError && error.code === "precondition_failed";

/** Someone else saved the contact after this form was filled: say so and let the agent choose. */
function ConcurrentEditAlert({ onReload, onOverwrite, busy }: { onReload: () => void; onOverwrite: () => void; busy: boolean }) {
  return (
    <div role="alert" className="mb-4 space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
      <p>
        <strong className="font-semibold">Someone else changed this contact</strong> while you were editing. Your changes are not saved yet.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button size="sm" onClick={onReload} disabled={busy}>
          Reload their version
        </Button>
        <Button size="sm" variant="primary" onClick={onOverwrite} disabled={busy}>
          Overwrite with mine
        </Button>
      </div>
    </div>
  );
}

function ContactEditor({ contact }: { contact: ContactVersion }) {
  const router = useRouter();
  const listHref = useContactsListHref();
  const chatbots = useChatbots();
  const update = useUpdateContact(contact.id);
  const remove = useDeleteContact(contact.id);
  const fetchLatest = useFetchLatestContact(contact.id);
  const [dirty, setDirty] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  // The version the form was filled from: a save names it in If-Match, so a change someone else
  // made meanwhile (even one a background refetch has brought into the cache) is never overwritten
  // unknowingly. `formKey` changes to fill the form anew from the cache.
  const [base, setBase] = useState({ etag: contact.etag, formKey: 0 });
  const [conflict, setConflict] = useState<ContactFormValues | null>(null);

  function refill(etag: string) {
    setConflict(null);
    setBase((current) => ({ etag, formKey: current.formKey + 1 }));
  }

  async function reloadTheirs() {
    const latest = await fetchLatest();
    refill(latest.etag);
    toast.info("Showing their version");
  }

  async function overwriteWithMine(values: ContactFormValues) {
    const latest = await fetchLatest();
    try {
      const saved = await update.mutateAsync({ patch: formToPatch(values, latest), ifMatch: latest.etag });
      refill(saved.etag);
      toast.success("Saved: your version replaced theirs");
    } catch (error) {
      if (isStale(error)) setConflict(values);
      else toast.error(error instanceof Error ? error.message : "Could not save");
    }
  }
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
          {conflict ? <ConcurrentEditAlert onReload={reloadTheirs} onOverwrite={() => overwriteWithMine(conflict)} busy={update.isPending} /> : null}
          {chatbots.isPending ? (
            <Skeleton className="h-64 w-full" />
          ) : (
            <ContactForm
              key={`${contact.id}:${base.formKey}`}
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
                try {
                  const saved = await update.mutateAsync({ patch, ifMatch: base.etag });
                  setBase((current) => ({ ...current, etag: saved.etag }));
                  setConflict(null);
                  toast.success("Saved");
                  return contactToForm(saved);
                } catch (error) {
                  if (!isStale(error)) throw error;
                  setConflict(values);
                }
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
