import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth/server";
import { nonDocumentSecurityHeaders } from "@/lib/security/headers";

// better-auth's endpoints: sign-in, sign-out, session.
const handle = async (request: Request) => {
  const response = await (await getAuth()).handler(request);
  for (const [name, value] of Object.entries(nonDocumentSecurityHeaders())) response.headers.set(name, value);
  return response;
};

export const { GET, POST } = toNextJsHandler(handle);
