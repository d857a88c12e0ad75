// One colour per chatbot, in the order the overview lists them; mid-tones that read on both the
// light and the dark background. Past the palette's end the colours repeat.
const PALETTE = ["#6366f1", "#f59e0b", "#10b981", "#ec4899", "#0ea5e9", "#8b5cf6", "#84cc16", "#ef4444"];

export function chatbotColor(index: number): string {
  return PALETTE[index % PALETTE.length];
}
