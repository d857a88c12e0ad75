import { customAlphabet } from "nanoid";

// Base62 keeps ids and keys URL-safe and copy-paste friendly (no `-` or `_` inside the random part).
export const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const randomBase62 = customAlphabet(BASE62, 20);

export type IdPrefix = "ws_" | "chatbot_" | "contact_" | "conv_" | "key_" | "user_" | "account_" | "whep_" | "whdl_" | "msg_" | "evt_" | "view_";

export function newId(prefix: IdPrefix): string {
  return prefix + randomBase62();
}
