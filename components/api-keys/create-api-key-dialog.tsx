"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { DialogFormActions } from "@/components/ui/dialog-form-actions";
import { RevealOnceDialog } from "@/components/ui/reveal-once-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useCreateApiKey } from "@/lib/api-keys/queries";
import { createApiKeySchema, type CreateApiKeyInput, type CreatedApiKey } from "@/lib/api-keys/schemas";
import { ApiRequestError } from "@/lib/http/api-fetch";
import { NewApiKeyPanel } from "./new-api-key-panel";
import { FormAlert } from "@/components/ui/form-alert";

/** The "Create API key" button and its dialog: a name first, then the new key, shown once. */
export function CreateApiKeyDialog() {
  return (
    <RevealOnceDialog<CreatedApiKey>
      triggerLabel="Create API key"
      title={(created) => (created ? "Copy your new API key" : "Create API key")}
      description={(created) =>
        created
          ? `Integrations send it as "Authorization: Bearer <key>" to the /v1 API of this workspace.`
          : "Name the key after the integration that will use it, so you know which one to revoke."
      }
      form={(onCreated, onCancel) => <CreateApiKeyForm onCreated={onCreated} onCancel={onCancel} />}
      revealed={(created, onDone) => <NewApiKeyPanel created={created} onDone={onDone} />}
    />
  );
}

function CreateApiKeyForm({ onCreated, onCancel }: { onCreated: (created: CreatedApiKey) => void; onCancel: () => void }) {
  const create = useCreateApiKey();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<CreateApiKeyInput>({ resolver: zodResolver(createApiKeySchema), defaultValues: { name: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      onCreated(await create.mutateAsync(values));
    } catch (error) {
      // The server checks with the same schema; its message for the field goes under the field.
      const fieldMessage = error instanceof ApiRequestError && error.code === "validation_error" ? error.details.name : undefined;
      if (fieldMessage) form.setError("name", { message: fieldMessage }, { shouldFocus: true });
      else setFailure(error instanceof Error ? error.message : "Could not create the key. Try again.");
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormAlert message={failure} />
      <FormField id="api-key-name" label="Name" error={errors.name?.message} hint="For example: CRM sync, Zapier, staging.">
        {(control) => <Input autoComplete="off" autoFocus {...control} {...form.register("name")} />}
      </FormField>
      <DialogFormActions onCancel={onCancel} submitting={isSubmitting} submitLabel="Create key" submittingLabel="Creating…" />
    </form>
  );
}
