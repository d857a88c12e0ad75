/** Ends a server process that cannot start: why, in one line, and a non-zero exit that whatever runs it sees. */
export function exitCannotStart(error: unknown): never {
  console.error(`Nexvio Contacts cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
