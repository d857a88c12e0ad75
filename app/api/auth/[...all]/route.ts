import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth/server";

// better-auth's endpoints: sign-in, sign-out, session.
const handle = async (request: Request) => (await getAuth()).handler(request);

export const { GET, POST } = toNextJsHandler(handle);
