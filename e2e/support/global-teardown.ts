import { SERVER_PID_FILE } from "./paths";
import { stopServer } from "./serve";

export default async function globalTeardown() {
  stopServer(SERVER_PID_FILE);
}
