"use client";
import { Plus } from "lucide-react";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useReturnFocus } from "@/lib/hooks/use-return-focus";

/**
 * A "create" button and its dialog for something with a secret shown once: the form first, then
 * what was created. Closing by any means (Done, Escape) forgets it: it is not shown again.
 */
export function RevealOnceDialog<Created>({
  triggerLabel,
  title,
  description,
  form,
  revealed,
}: {
  triggerLabel: string;
  title: (created: Created | null) => string;
  description: (created: Created | null) => string;
  form: (onCreated: (created: Created) => void, onCancel: () => void) => ReactNode;
  revealed: (created: Created, onDone: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const rememberOpener = useReturnFocus(open);

  function changeOpen(next: boolean) {
    setOpen(next);
    if (!next) setCreated(null);
  }

  return (
    <>
      <Button
        variant="primary"
        onClick={(event) => {
          rememberOpener(event.currentTarget);
          changeOpen(true);
        }}
      >
        <Plus aria-hidden="true" className="size-4" />
        {triggerLabel}
      </Button>
      <Dialog open={open} onOpenChange={changeOpen} title={title(created)} description={description(created)}>
        {created === null ? form(setCreated, () => changeOpen(false)) : revealed(created, () => changeOpen(false))}
      </Dialog>
    </>
  );
}
