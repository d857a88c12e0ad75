import pino from "pino";

// Where log lines go: stdout, in chunks. Lines are copied into a chunk of about 4 KiB, and each full
// chunk is written at once by sonic-boom (pino's destination; it retries while a pipe is full).
// Synchronously, as Node writes its own stdout to files and pipes: handing each chunk to a thread
// of the pool and taking its answer back cost more than the write (about 4 % of a get by id's CPU),
// and sonic-boom gathering lines itself, in one string measured again for every line, cost more
// than copying them into a chunk.

/** A chunk is written once it holds this much. */
const CHUNK_BYTES = 4096;
/** Room for the line that fills a chunk; a line that could be longer than that is written alone. */
const CHUNK_CAPACITY = CHUNK_BYTES + 16 * 1024;
/** Lines wait at most this long for their chunk to fill. */
const FLUSH_INTERVAL_MS = 100;

/** UTF-8 takes at most 3 bytes per UTF-16 code unit. */
const maxBytes = (line: string) => line.length * 3;

export function chunkedStdout(): { write(line: string): void } {
  const sonic = pino.destination({ dest: 1, sync: true, contentMode: "buffer" });
  // In buffer mode sonic-boom takes Buffers; its types know only strings.
  const writeBuffer = (buffer: Buffer) => sonic.write(buffer as unknown as string);
  let chunk = Buffer.allocUnsafe(CHUNK_CAPACITY);
  let used = 0;

  const flush = () => {
    if (used === 0) return;
    // Kept by sonic-boom should the pipe be full: the next lines go to a new chunk.
    writeBuffer(chunk.subarray(0, used));
    chunk = Buffer.allocUnsafe(CHUNK_CAPACITY);
    used = 0;
  };
  const write = (line: string) => {
    if (used + maxBytes(line) > CHUNK_CAPACITY) {
      flush();
      if (maxBytes(line) > CHUNK_CAPACITY) return void writeBuffer(Buffer.from(line));
    }
    used += chunk.write(line, used);
    if (used >= CHUNK_BYTES) flush();
  };

  setInterval(flush, FLUSH_INTERVAL_MS).unref();
  process.on("beforeExit", flush);
  process.on("exit", flush);
  return { write };
}
