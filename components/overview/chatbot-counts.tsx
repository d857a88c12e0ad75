import { Card } from "@/components/ui/states";
import type { ChatbotStat } from "@/lib/stats/types";
import { chatbotColor } from "./chatbot-colors";
import { formatCount } from "./format";

/** Every chatbot with its number of contacts and share of the total. */
export function ChatbotCounts({ chatbots, total }: { chatbots: ChatbotStat[]; total: number }) {
  return (
    <Card>
      <h2 id="per-chatbot-heading" className="text-base font-semibold">
        Contacts per chatbot
      </h2>
      {chatbots.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">This workspace has no chatbots yet.</p>
      ) : (
        <table aria-labelledby="per-chatbot-heading" className="mt-3 w-full text-sm">
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-600 dark:border-slate-800 dark:text-slate-400">
              <th scope="col" className="py-2 font-medium">
                Chatbot
              </th>
              <th scope="col" className="py-2 text-right font-medium">
                Contacts
              </th>
              <th scope="col" className="py-2 text-right font-medium">
                Share
              </th>
            </tr>
          </thead>
          <tbody>
            {chatbots.map((chatbot, i) => (
              <tr key={chatbot.chatbotId} className="border-b border-slate-100 last:border-0 dark:border-slate-800/60">
                <th scope="row" className="py-2 text-left font-medium">
                  <span className="flex items-center gap-2">
                    <span aria-hidden="true" className="size-2.5 shrink-0 rounded-sm" style={{ backgroundColor: chatbotColor(i) }} />
                    {chatbot.name}
                  </span>
                </th>
                <td className="py-2 text-right tabular-nums">{formatCount(chatbot.contacts)}</td>
                <td className="py-2 text-right text-slate-600 tabular-nums dark:text-slate-400">
                  {total > 0 ? `${Math.round((chatbot.contacts / total) * 100)}%` : "–"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
