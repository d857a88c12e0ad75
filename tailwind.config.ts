// Tailwind 4 reads its configuration from CSS; this file is loaded from app/globals.css with `@config`
// so that theme extensions stay in TypeScript next to the components that use them.
import type { Config } from "tailwindcss";

const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  darkMode: "media",
  theme: { extend: {} },
};

export default config;
