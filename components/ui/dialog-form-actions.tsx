import { Button } from "./button";

/** The end of a dialog's form: Cancel, and the submit button saying what it does (and that it is doing it). */
export function DialogFormActions({
  onCancel,
  submitting,
  submitLabel,
  submittingLabel,
}: {
  onCancel: () => void;
  submitting: boolean;
  submitLabel: string;
  submittingLabel: string;
}) {
  return (
    <div className="flex flex-wrap justify-end gap-2">
      <Button onClick={onCancel}>Cancel</Button>
      <Button type="submit" variant="primary" disabled={submitting}>
        {submitting ? submittingLabel : submitLabel}
      </Button>
    </div>
  );
}
