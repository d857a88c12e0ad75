"use client";
import { Copy, TriangleAlert } from "lucide-react";
import { useEffect, useRef } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { controlClass } from "@/components/ui/input";
import { cn } from "@/lib/cn";
import type { CreatedApiKey } from "@/lib/api-keys/schemas";

/** The new key, once: a read-only field to copy it from, and a clear warning that it goes away. */
export function NewApiKeyPanel({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  const field = useRef<HTMLInputElement>(null);

  // The form that had focus is gone; put focus on the key, selected, ready to copy.
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(created.key);
      toast.success("Copied");
    } catch {
      field.current?.select();
      toast.error("Could not copy. The key is selected: copy it with Ctrl+C or ⌘C.");
    }
  }

  return (
    <div className="space-y-4">
      <p className="flex gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
        <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
        <span>
          This is the only time the key <strong>{created.apiKey.name}</strong> is shown: only a hash of it is stored. Copy it now and keep it
          somewhere safe; it will not be shown again.
        </span>
      </p>
      <FormField id="new-api-key" label="API key">
        {(control) => (
          <div className="flex gap-2">
            <input
              ref={field}
              readOnly
              value={created.key}
              spellCheck={false}
              className={cn(controlClass, "font-mono")}
              onFocus={(event) => event.currentTarget.select()}
              {...control}
            />
            <Button onClick={copy}>
              <Copy aria-hidden="true" className="size-4" />
              Copy
            </Button>
          </div>
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
