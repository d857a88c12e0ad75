"use client";
import { Check, Copy } from "lucide-react";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { Button } from "./button";

/**
 * Copies `value` to the clipboard. The button shows a check for a moment and a screen reader hears
 * "Copied …" (no toast: three copies in a row would stack three).
 */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      toast.error("Could not copy: the browser did not allow it");
    }
  }

  const what = label.toLowerCase();
  return (
    <>
      {/* Named by its text, not aria-label: form fields found by label ("Email") must not also match "Copy email". */}
      <Button variant="ghost" size="sm" onClick={copy} title={copied ? "Copied" : `Copy ${what}`}>
        {copied ? <Check aria-hidden="true" className="size-4 text-emerald-700 dark:text-emerald-400" /> : <Copy aria-hidden="true" className="size-4" />}
        <span className="sr-only">Copy {what}</span>
      </Button>
      <span role="status" className="sr-only">
        {copied ? `Copied ${what}` : ""}
      </span>
    </>
  );
}
