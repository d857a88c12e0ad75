"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { BookmarkPlus } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { DialogFormActions } from "@/components/ui/dialog-form-actions";
import { Dialog } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { listViewQuery, type ContactListView } from "@/lib/contacts/list-view";
import { ApiRequestError } from "@/lib/http/api-fetch";
import { useCreateSavedView } from "@/lib/saved-views/queries";
import { createSavedViewSchema, savedViewQueryOf } from "@/lib/saved-views/schemas";

const saveViewFormSchema = createSavedViewSchema.omit({ query: true });
type SaveViewForm = z.input<typeof saveViewFormSchema>;

/** "Save view": names the list as it is now (search, filters, sort, page size) and lists it in the sidebar. */
export function SaveViewButton({ view }: { view: ContactListView }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <BookmarkPlus aria-hidden="true" className="size-4" />
        Save view
      </Button>
      <Dialog open={open} onOpenChange={setOpen} title="Save this view" description="Its search, filters, sort and page size, under a name in the sidebar.">
        <SaveViewFormBody query={savedViewQueryOf(new URLSearchParams(listViewQuery(view)))} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function SaveViewFormBody({ query, onDone }: { query: string; onDone: () => void }) {
  const create = useCreateSavedView();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<SaveViewForm>({ resolver: zodResolver(saveViewFormSchema), defaultValues: { name: "", shared: false } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const saved = await create.mutateAsync({ ...values, query });
      toast.success(`Saved the view “${saved.name}”`);
      onDone();
    } catch (error) {
      const details = error instanceof ApiRequestError && error.code === "validation_error" ? error.details : {};
      if (details.name) form.setError("name", { message: details.name }, { shouldFocus: true });
      else setFailure(Object.values(details)[0] ?? (error instanceof Error ? error.message : "Could not save the view. Try again."));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormAlert message={failure} />
      <FormField id="saved-view-name" label="Name" error={errors.name?.message} hint="For example: Pro plan, no phone yet.">
        {(control) => <Input autoComplete="off" autoFocus {...control} {...form.register("name")} />}
      </FormField>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-0.5 size-4 accent-indigo-600" {...form.register("shared")} />
        <span>
          <span className="font-medium">Share with the workspace</span>
          <span className="block text-slate-600 dark:text-slate-400">Everyone on the team sees it in their sidebar; only you can delete it.</span>
        </span>
      </label>
      <DialogFormActions onCancel={onDone} submitting={isSubmitting} submitLabel="Save view" submittingLabel="Saving…" />
    </form>
  );
}
