"use client";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useChatbots } from "@/lib/chatbots/queries";
import { emptyContactForm, formToCreateInput } from "@/lib/contacts/form-schema";
import { useCreateContact } from "@/lib/contacts/queries";
import { ContactForm } from "./contact-form";

/** Creates a contact, then opens it. */
export function NewContactDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const router = useRouter();
  const chatbots = useChatbots();
  const create = useCreateContact();
  const chatbotList = chatbots.data ?? [];

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="New contact" description="Add a person by hand. Every field but the chatbot is optional.">
      {chatbots.isPending ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Loading chatbots…</p>
      ) : (
        <ContactForm
          id="new-contact"
          defaultValues={emptyContactForm(chatbotList.length === 1 ? chatbotList[0].id : "")}
          chatbots={chatbotList}
          chatbotEditable
          onSave={async (values) => {
            const contact = await create.mutateAsync(formToCreateInput(values));
            toast.success(`Created ${contact.name ?? contact.email ?? "the contact"}`);
            onOpenChange(false);
            router.push(`/contacts/${encodeURIComponent(contact.id)}`);
          }}
          actions={({ saving }) => (
            <div className="flex justify-end gap-2 pt-2">
              <Button onClick={() => onOpenChange(false)}>Cancel</Button>
              <Button type="submit" variant="primary" disabled={saving}>
                {saving ? "Creating…" : "Create contact"}
              </Button>
            </div>
          )}
        />
      )}
    </Dialog>
  );
}
