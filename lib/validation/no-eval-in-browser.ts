import { z } from "zod";

// zod speeds up object parsing with generated code (`new Function`) where it may. To find out it
// tries once, and under the dashboard's Content-Security-Policy (no 'unsafe-eval') that attempt is
// reported as a violation. In the browser, tell it not to try.
if (typeof window !== "undefined") z.config({ jitless: true });
