"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { ListFilter } from "lucide-react";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { PopoverPanel } from "@/components/ui/popover-panel";
import { Input, Select } from "@/components/ui/input";
import {
  contactFiltersFormSchema,
  filtersFromForm,
  NO_FILTERS,
  type ContactFiltersForm,
  type ContactListFilters,
} from "@/lib/contacts/list-filters";

function formOf(filters: ContactListFilters): ContactFiltersForm {
  return {
    metadataKey: filters.metadataKey,
    metadataMatch: filters.metadataKey ? filters.metadataMatch : "equals",
    metadataValue: filters.metadataValue,
    createdFrom: filters.createdFrom,
    createdTo: filters.createdTo,
    hasEmail: filters.hasEmail,
    hasPhone: filters.hasPhone,
  };
}

/** How many filters the form sets (the chatbot has its own select). */
function countSet(filters: ContactListFilters): number {
  return [filters.metadataKey, filters.createdFrom || filters.createdTo, filters.hasEmail, filters.hasPhone].filter(Boolean).length;
}

/** The "Filters" button and its panel: metadata, created dates, email and phone. */
export function ContactFiltersPopover({ filters, onApply }: { filters: ContactListFilters; onApply: (filters: ContactListFilters) => void }) {
  const [open, setOpen] = useState(false);
  const count = countSet(filters);
  return (
    <PopoverPanel
      open={open}
      onOpenChange={setOpen}
      label="Filter contacts"
      className="w-[min(24rem,calc(100vw-1.5rem))]"
      trigger={
        <Button aria-label={count ? `Filters, ${count} set` : "Filters"}>
          <ListFilter aria-hidden="true" className="size-4" />
          Filters
          {count ? (
            <span aria-hidden="true" className="rounded-full bg-indigo-600 px-1.5 text-xs font-semibold text-white">
              {count}
            </span>
          ) : null}
        </Button>
      }
    >
      {/* Mounted per opening: the form starts from the filters in the URL. */}
      <FiltersForm
        filters={filters}
        onCancel={() => setOpen(false)}
        onApply={(next) => {
          setOpen(false);
          onApply(next);
        }}
      />
    </PopoverPanel>
  );
}

function FiltersForm({ filters, onApply, onCancel }: { filters: ContactListFilters; onApply: (filters: ContactListFilters) => void; onCancel: () => void }) {
  const form = useForm<ContactFiltersForm>({ resolver: zodResolver(contactFiltersFormSchema), defaultValues: formOf(filters) });
  const { errors } = form.formState;
  const match = useWatch({ control: form.control, name: "metadataMatch" });
  const submit = form.handleSubmit((values) => onApply(filtersFromForm(values, filters.chatbotId)));

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">Metadata</legend>
        <div className="grid grid-cols-[1fr_7.5rem] gap-2">
          <FormField id="filter-metadata-key" label="Key" error={errors.metadataKey?.message}>
            {(control) => <Input placeholder="plan" autoComplete="off" className="font-mono" {...control} {...form.register("metadataKey")} />}
          </FormField>
          <FormField id="filter-metadata-match" label="Condition">
            {(control) => (
              <Select {...control} {...form.register("metadataMatch")}>
                <option value="equals">is</option>
                <option value="contains">contains</option>
                <option value="has">is set</option>
              </Select>
            )}
          </FormField>
        </div>
        {match !== "has" ? (
          <FormField id="filter-metadata-value" label="Value" error={errors.metadataValue?.message} hint="Case and accents are ignored.">
            {(control) => <Input placeholder="pro" autoComplete="off" {...control} {...form.register("metadataValue")} />}
          </FormField>
        ) : null}
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">Created (UTC)</legend>
        <div className="grid grid-cols-2 gap-2">
          <FormField id="filter-created-from" label="From" error={errors.createdFrom?.message}>
            {(control) => <Input type="date" {...control} {...form.register("createdFrom")} />}
          </FormField>
          <FormField id="filter-created-to" label="To" error={errors.createdTo?.message}>
            {(control) => <Input type="date" {...control} {...form.register("createdTo")} />}
          </FormField>
        </div>
      </fieldset>
      <div className="grid grid-cols-2 gap-2">
        <FormField id="filter-has-email" label="Email">
          {(control) => (
            <Select {...control} {...form.register("hasEmail")}>
              <option value="">Any</option>
              <option value="yes">Has an email</option>
              <option value="no">No email</option>
            </Select>
          )}
        </FormField>
        <FormField id="filter-has-phone" label="Phone">
          {(control) => (
            <Select {...control} {...form.register("hasPhone")}>
              <option value="">Any</option>
              <option value="yes">Has a phone</option>
              <option value="no">No phone</option>
            </Select>
          )}
        </FormField>
      </div>
      <div className="flex items-center justify-between gap-2 border-t border-slate-200 pt-3 dark:border-slate-700">
        <Button variant="ghost" size="sm" onClick={() => form.reset(formOf(NO_FILTERS))}>
          Reset
        </Button>
        <div className="flex gap-2">
          <Button size="sm" onClick={onCancel}>
            Cancel
          </Button>
          <Button size="sm" type="submit" variant="primary">
            Apply filters
          </Button>
        </div>
      </div>
    </form>
  );
}
