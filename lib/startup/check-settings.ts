import { publicBaseUrl } from "../config";
import { exitCannotStart } from "./exit-cannot-start";

/**
 * Settings that would otherwise fail later, request by request (a bad BASE_URL fails every
 * sign-in), stop the server at start instead, with a message that names them.
 */
export function checkSettingsOrExit(): void {
  try {
    publicBaseUrl();
  } catch (error) {
    // Next.js would log a failed instrumentation hook and keep serving.
    exitCannotStart(error);
  }
}
