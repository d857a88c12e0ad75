"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { TriangleAlert } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { DialogFormActions } from "@/components/ui/dialog-form-actions";
import { RevealOnceDialog } from "@/components/ui/reveal-once-dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { FormField } from "@/components/ui/form-field";
import { Input, controlClass } from "@/components/ui/input";
import { cn } from "@/lib/cn";
import { ApiRequestError } from "@/lib/http/api-fetch";
import { useCreateWebhookEndpoint } from "@/lib/webhooks/queries";
import { createWebhookEndpointSchema, webhookEventTypes, type WebhookEndpointWithSecret } from "@/lib/webhooks/schemas";

type FormValues = z.input<typeof createWebhookEndpointSchema>;
const FORM_FIELDS = ["url", "events", "description"] as const;

/** The "Add endpoint" button and its dialog: URL and events first, then the signing secret, shown once. */
export function CreateWebhookEndpointDialog() {
  return (
    <RevealOnceDialog<WebhookEndpointWithSecret>
      triggerLabel="Add endpoint"
      title={(created) => (created ? "Copy the signing secret" : "Add webhook endpoint")}
      description={(created) =>
        created
          ? "Verify each request's webhook-signature with it (any Standard Webhooks library does)."
          : "Contact events are POSTed to this URL, signed, and retried for about a day until it answers 2xx."
      }
      form={(onCreated, onCancel) => <CreateEndpointForm onCreated={onCreated} onCancel={onCancel} />}
      revealed={(created, onDone) => <SigningSecret endpoint={created} onDone={onDone} />}
    />
  );
}

function CreateEndpointForm({ onCreated, onCancel }: { onCreated: (created: WebhookEndpointWithSecret) => void; onCancel: () => void }) {
  const create = useCreateWebhookEndpoint();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<FormValues, unknown, z.output<typeof createWebhookEndpointSchema>>({
    resolver: zodResolver(createWebhookEndpointSchema),
    defaultValues: { url: "", events: [...webhookEventTypes], description: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ description, ...values }) => {
    setFailure(null);
    try {
      onCreated(await create.mutateAsync({ ...values, ...(description ? { description } : {}) }));
    } catch (error) {
      // The server checks with the same schema, and the destination rule besides: its messages go under the fields.
      const details = error instanceof ApiRequestError && error.code === "validation_error" ? error.details : {};
      const field = FORM_FIELDS.find((name) => Object.keys(details).some((key) => key === name || key.startsWith(`${name}.`)));
      if (field) form.setError(field, { message: Object.entries(details).find(([key]) => key.startsWith(field))?.[1] }, { shouldFocus: true });
      else setFailure(error instanceof Error ? error.message : "Could not add the endpoint. Try again.");
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormAlert message={failure} />
      <FormField id="webhook-url" label="URL" error={errors.url?.message} hint="https://… on a public address.">
        {(control) => <Input type="url" autoComplete="off" autoFocus placeholder="https://example.com/webhooks/nexvio" {...control} {...form.register("url")} />}
      </FormField>
      <fieldset className="space-y-1.5" aria-describedby={errors.events ? "webhook-events-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">Events</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {webhookEventTypes.map((type) => (
            <label key={type} className="flex items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
              <input type="checkbox" value={type} className="size-4 accent-indigo-600" {...form.register("events")} />
              <code className="font-mono">{type}</code>
            </label>
          ))}
        </div>
        {errors.events ? (
          <p id="webhook-events-error" className="text-sm text-red-700 dark:text-red-400">
            {errors.events.message ?? "Choose at least one event"}
          </p>
        ) : null}
      </fieldset>
      <FormField id="webhook-description" label="Description (optional)" error={errors.description?.message}>
        {(control) => <Input autoComplete="off" placeholder="CRM sync" {...control} {...form.register("description")} />}
      </FormField>
      <DialogFormActions onCancel={onCancel} submitting={isSubmitting} submitLabel="Add endpoint" submittingLabel="Adding…" />
    </form>
  );
}

function SigningSecret({ endpoint, onDone }: { endpoint: WebhookEndpointWithSecret; onDone: () => void }) {
  return (
    <div className="space-y-4">
      <p className="flex gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
        <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
        <span>This is the only time this secret is shown. Rotate it through the API if it is lost.</span>
      </p>
      <FormField id="webhook-secret" label={`Signing secret for ${endpoint.url}`}>
        {(control) => (
          <input
            readOnly
            autoFocus
            value={endpoint.secret}
            spellCheck={false}
            className={cn(controlClass, "font-mono")}
            onFocus={(event) => event.currentTarget.select()}
            {...control}
          />
        )}
      </FormField>
      <div className="flex justify-end">
        <Button variant="primary" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}
