"use client";
import { Dialog } from "@/components/ui/dialog";

export const SHORTCUTS = [
  { keys: ["/"], action: "Focus the contacts search box" },
  { keys: ["j"], action: "Highlight the next contact" },
  { keys: ["k"], action: "Highlight the previous contact" },
  { keys: ["Enter"], action: "Open the highlighted contact" },
  { keys: ["Esc"], action: "Back to the contacts list (on a contact)" },
  { keys: ["⌘K", "Ctrl+K"], action: "Open the command palette" },
  { keys: ["?"], action: "Show this list" },
];

export function ShortcutsOverlay({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Keyboard shortcuts">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Keyboard shortcuts</caption>
        <thead className="sr-only">
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map(({ keys, action }) => (
            <tr key={action} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
              <td className="py-2 pr-4 whitespace-nowrap">
                {keys.map((key, i) => (
                  <span key={key}>
                    {i > 0 ? " or " : null}
                    <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">{key}</kbd>
                  </span>
                ))}
              </td>
              <td className="py-2 text-slate-700 dark:text-slate-300">{action}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
