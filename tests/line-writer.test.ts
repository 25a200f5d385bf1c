import { EventEmitter } from "node:events";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LineWriter } from "../src/cli/line-writer.js";

describe("LineWriter", () => {
  it("writes every line, in order and whole, in fewer writes than lines", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.string({ maxLength: 40 }).map((s) => `${s}\n`),
          { maxLength: 200 },
        ),
        fc.integer({ min: 1, max: 500 }),
        async (lines, chunkSize) => {
          const chunks: string[] = [];
          const writer = new LineWriter({ write: (chunk: string) => chunks.push(chunk) }, chunkSize);
          for (const line of lines) await writer.write(line);
          await writer.flush();
          expect(chunks.join("")).toBe(lines.join(""));
          expect(chunks.every((c) => c.length > 0)).toBe(true);
          if (lines.length > 1 && chunkSize > 100) expect(chunks.length).toBeLessThan(lines.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("writes a lone line after a short delay, without waiting for a full chunk or an explicit flush", async () => {
    const chunks: string[] = [];
    const writer = new LineWriter({ write: (chunk: string) => chunks.push(chunk) }, 64 * 1024, 10);
    await writer.write("first\n");
    expect(chunks).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(chunks).toEqual(["first\n"]);
  });

  it("waits for the stream to drain when it asks for a pause", async () => {
    const sink = Object.assign(new EventEmitter(), {
      written: [] as string[],
      write: (chunk: string) => {
        sink.written.push(chunk);
        return false;
      },
    });
    const writer = new LineWriter(sink, 4);
    let settled = false;
    const done = writer.write("12345\n").then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sink.written).toEqual(["12345\n"]);
    expect(settled).toBe(false);
    sink.emit("drain");
    await done;
    expect(settled).toBe(true);
  });
});
