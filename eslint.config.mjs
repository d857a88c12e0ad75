import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { nexvioPlugin } from "./scripts/lint/client-boundary.mjs";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    files: ["**/*.{ts,tsx,mjs}"],
    plugins: { nexvio: nexvioPlugin },
    rules: { "nexvio/client-boundary": "error" },
  },
  {
    // Tests read arbitrary JSON response bodies and assert on them; typing each body adds nothing.
    files: ["tests/support/api.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  { ignores: [".next/**", "node_modules/**", "data/**", "next-env.d.ts", "docs/**", "public/vendor/**"] },
];

export default config;
