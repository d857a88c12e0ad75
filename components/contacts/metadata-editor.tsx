"use client";
import { Plus, X } from "lucide-react";
import { useFieldArray, useWatch, type UseFormReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { retypedValue, type ContactFormValues, type MetadataValueType } from "@/lib/contacts/form-schema";
import { METADATA_KEY_MAX_LENGTH, METADATA_MAX_KEYS, METADATA_STRING_MAX_LENGTH } from "@/lib/validation/metadata";

const TYPE_LABELS: Record<MetadataValueType, string> = { text: "Text", number: "Number", boolean: "True / false" };

/** Key/value rows for a contact's metadata: add, remove, rename, retype, edit. */
export function MetadataEditor({ form }: { form: UseFormReturn<ContactFormValues> }) {
  const { control, register, setValue } = form;
  const errors = form.formState.errors;
  const { fields, append, remove } = useFieldArray({ control, name: "metadata" });
  const rows = useWatch({ control, name: "metadata" }) ?? [];
  const listError = errors.metadata?.message ?? errors.metadata?.root?.message;
  const atLimit = fields.length >= METADATA_MAX_KEYS;

  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">Metadata</legend>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Up to {METADATA_MAX_KEYS} keys of at most {METADATA_KEY_MAX_LENGTH} characters; text values up to{" "}
        {METADATA_STRING_MAX_LENGTH.toLocaleString("en-US")} characters.
      </p>
      {fields.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">No metadata yet.</p> : null}
      <ul className="space-y-3">
        {fields.map((field, index) => {
          const n = index + 1;
          const rowErrors = errors.metadata?.[index];
          const type = rows[index]?.type ?? field.type;
          const keyErrorId = `metadata-${index}-key-error`;
          const valueErrorId = `metadata-${index}-value-error`;
          return (
            <li key={field.id} className="grid grid-cols-[minmax(0,1.2fr)_7.5rem_minmax(0,1fr)_auto] items-start gap-2">
              <div>
                <Input
                  aria-label={`Key ${n}`}
                  placeholder="key"
                  aria-invalid={Boolean(rowErrors?.key)}
                  aria-describedby={rowErrors?.key ? keyErrorId : undefined}
                  {...register(`metadata.${index}.key`)}
                />
                {rowErrors?.key ? (
                  <p id={keyErrorId} className="mt-1 text-xs text-red-700 dark:text-red-400">
                    {rowErrors.key.message}
                  </p>
                ) : null}
              </div>
              <Select
                aria-label={`Type ${n}`}
                {...register(`metadata.${index}.type`, {
                  onChange: (event: { target: { value: MetadataValueType } }) => {
                    const value = retypedValue(rows[index]?.value ?? "", event.target.value);
                    setValue(`metadata.${index}.value`, value, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
                  },
                })}
              >
                {(Object.keys(TYPE_LABELS) as MetadataValueType[]).map((valueType) => (
                  <option key={valueType} value={valueType}>
                    {TYPE_LABELS[valueType]}
                  </option>
                ))}
              </Select>
              <div>
                {type === "boolean" ? (
                  <Select aria-label={`Value ${n}`} {...register(`metadata.${index}.value`)}>
                    <option value="true">true</option>
                    <option value="false">false</option>
                  </Select>
                ) : (
                  <Input
                    aria-label={`Value ${n}`}
                    inputMode={type === "number" ? "decimal" : undefined}
                    placeholder={type === "number" ? "0" : "value"}
                    aria-invalid={Boolean(rowErrors?.value)}
                    aria-describedby={rowErrors?.value ? valueErrorId : undefined}
                    {...register(`metadata.${index}.value`)}
                  />
                )}
                {rowErrors?.value ? (
                  <p id={valueErrorId} className="mt-1 text-xs text-red-700 dark:text-red-400">
                    {rowErrors.value.message}
                  </p>
                ) : null}
              </div>
              <Button variant="ghost" aria-label={`Remove row ${n}`} title="Remove" onClick={() => remove(index)}>
                <X aria-hidden="true" className="size-4" />
              </Button>
            </li>
          );
        })}
      </ul>
      {listError ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {listError}
        </p>
      ) : null}
      <div className="flex items-center gap-3">
        <Button size="sm" disabled={atLimit} onClick={() => append({ key: "", type: "text", value: "" }, { shouldFocus: true })}>
          <Plus aria-hidden="true" className="size-4" />
          Add field
        </Button>
        <span className="text-xs text-slate-600 dark:text-slate-400">
          {fields.length} of {METADATA_MAX_KEYS} keys{atLimit ? " — remove one to add another" : ""}
        </span>
      </div>
    </fieldset>
  );
}
