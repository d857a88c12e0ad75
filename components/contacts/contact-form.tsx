"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { FormField } from "@/components/ui/form-field";
import { Input, Select } from "@/components/ui/input";
import type { ChatbotSummary } from "@/lib/chatbots/queries";
import { contactFormSchema, type ContactFormValues } from "@/lib/contacts/form-schema";
import { ApiRequestError } from "@/lib/http/api-fetch";
import { applyServerErrors } from "./apply-server-errors";
import { MetadataEditor } from "./metadata-editor";
import { FormAlert } from "@/components/ui/form-alert";

export interface ContactFormProps {
  id: string;
  defaultValues: ContactFormValues;
  chatbots: ChatbotSummary[];
  /** The chatbot is chosen on create only; the API does not move contacts between chatbots. */
  chatbotEditable: boolean;
  /** Saves; resolves with the values to show afterwards (the form is then clean again). */
  onSave: (values: ContactFormValues) => Promise<ContactFormValues | void>;
  onDirtyChange?: (dirty: boolean) => void;
  /** Rendered at the end of the form: the submit and cancel buttons. */
  actions: (state: { saving: boolean; dirty: boolean; reset: () => void }) => ReactNode;
}

export function ContactForm({ id, defaultValues, chatbots, chatbotEditable, onSave, onDirtyChange, actions }: ContactFormProps) {
  const form = useForm<ContactFormValues>({ resolver: zodResolver(contactFormSchema), defaultValues });
  const { errors, isSubmitting, isDirty } = form.formState;
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => onDirtyChange?.(isDirty), [isDirty, onDirtyChange]);

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const saved = await onSave(values);
      if (saved) form.reset(saved);
    } catch (error) {
      if (error instanceof ApiRequestError && error.code === "validation_error") {
        const unplaced = applyServerErrors(form, error.details);
        setFormError(unplaced.length > 0 ? unplaced.join(" ") : null);
      } else {
        setFormError(error instanceof Error ? error.message : "Saving failed");
      }
    }
  });

  return (
    <form id={id} onSubmit={submit} noValidate className="space-y-5">
      <FormAlert message={formError} />
      {chatbotEditable ? (
        <FormField id={`${id}-chatbot`} label="Chatbot" error={errors.chatbotId?.message}>
          {(control) => (
            <Select {...control} {...form.register("chatbotId")}>
              <option value="">Choose a chatbot…</option>
              {chatbots.map((chatbot) => (
                <option key={chatbot.id} value={chatbot.id}>
                  {chatbot.name}
                </option>
              ))}
            </Select>
          )}
        </FormField>
      ) : (
        <div className="space-y-1.5">
          <p className="text-sm font-medium text-slate-800 dark:text-slate-200">Chatbot</p>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {chatbots.find((chatbot) => chatbot.id === defaultValues.chatbotId)?.name ?? defaultValues.chatbotId}
          </p>
        </div>
      )}
      <FormField id={`${id}-name`} label="Name" error={errors.name?.message}>
        {(control) => <Input autoComplete="off" {...control} {...form.register("name")} />}
      </FormField>
      <FormField id={`${id}-email`} label="Email" error={errors.email?.message}>
        {(control) => <Input type="email" autoComplete="off" {...control} {...form.register("email")} />}
      </FormField>
      <FormField id={`${id}-phone`} label="Phone" error={errors.phone?.message} hint="E.164 recommended, e.g. +15551234567">
        {(control) => <Input type="tel" autoComplete="off" {...control} {...form.register("phone")} />}
      </FormField>
      <MetadataEditor form={form} />
      {actions({ saving: isSubmitting, dirty: isDirty, reset: () => form.reset() })}
    </form>
  );
}
