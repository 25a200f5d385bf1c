/*
 * Lines of JSONL as bytes: the one definition of a line (bytes up to "\n", the "\n" excluded), of
 * a blank line (nothing but whitespace, as String.prototype.trim reads it), and of an oversized one
 * (more than `maxBytes` bytes: never decoded, never held in memory). Stdin, the worker's byte
 * ranges and the planner's scan all use it, so every path numbers and skips the same lines.
 */

/** A line: its 1-based number, and its text, or its size alone when it is over the limit. */
export type Line = { readonly number: number; readonly text: string } | { readonly number: number; readonly oversized: number };

const NEWLINE = 10;

/** Whether bytes [from, to) of `buf` hold only whitespace; "decode" when a non-ASCII byte decides it. */
export function blankBytes(buf: Uint8Array, from: number, to: number): boolean | "decode" {
  for (let i = from; i < to; i++) {
    const b = buf[i]!;
    if (b === 0x20 || (b >= 0x09 && b <= 0x0d)) continue;
    return b < 0x80 ? false : "decode";
  }
  return true;
}

/** Splits a byte stream into lines, whatever the chunk boundaries; blank lines are dropped. */
export class LineSplitter {
  private parts: Buffer[] = [];
  private partBytes = 0;
  private number = 0;

  constructor(
    private readonly maxBytes: number,
    firstLine = 1,
  ) {
    this.number = firstLine - 1;
  }

  /** The complete lines `chunk` ends, in order. */
  push(chunk: Buffer, out: Line[] = []): Line[] {
    let from = 0;
    for (let nl = chunk.indexOf(NEWLINE); nl >= 0; nl = chunk.indexOf(NEWLINE, from)) {
      this.take(chunk, from, nl);
      this.finish(out);
      from = nl + 1;
    }
    if (from < chunk.length) this.take(chunk, from, chunk.length);
    return out;
  }

  /** The last line, when the stream does not end with a newline. */
  end(out: Line[] = []): Line[] {
    if (this.partBytes > 0) this.finish(out);
    return out;
  }

  private take(chunk: Buffer, from: number, to: number): void {
    // Past the limit only the size is kept: a 200 MB line costs a counter, not 200 MB.
    if (this.partBytes + (to - from) <= this.maxBytes) this.parts.push(chunk.subarray(from, to));
    else this.parts = [];
    this.partBytes += to - from;
  }

  private finish(out: Line[]): void {
    const number = ++this.number;
    const bytes = this.partBytes;
    const parts = this.parts;
    this.parts = [];
    this.partBytes = 0;
    if (bytes > this.maxBytes) {
      out.push({ number, oversized: bytes });
      return;
    }
    const buf = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
    const blank = blankBytes(buf, 0, buf.length);
    if (blank === true) return;
    const text = buf.toString("utf8");
    if (blank === "decode" && text.trim() === "") return;
    out.push({ number, text });
  }
}
