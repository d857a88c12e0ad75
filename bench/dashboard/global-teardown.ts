import { stopServer } from "../../e2e/support/serve";
import { BENCH_PID_FILE } from "./paths";

export default async function globalTeardown() {
  stopServer(BENCH_PID_FILE);
}
