import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planUnits } from "../src/cli/inputs.js";
import { type Line, LineSplitter } from "../src/cli/lines.js";
import { DEFAULT_FIELDS, describeOrigin, type ReadRecord } from "../src/cli/records.js";
import { readUnit } from "../src/cli/units.js";

const MAX = 40;

/** The reference reading: split on "\n", number from 1, drop blank lines, size in UTF-8 bytes. */
function reference(text: string): Line[] {
  return text
    .split("\n")
    .map((line, i) => ({ line, number: i + 1, bytes: Buffer.byteLength(line) }))
    .filter(({ line, bytes }, i, all) => (i < all.length - 1 || line !== "") && (bytes > MAX || line.trim() !== ""))
    .map(({ line, number, bytes }) => (bytes > MAX ? { number, oversized: bytes } : { number, text: line }));
}

const lineArb = fc.oneof(
  fc.string({ maxLength: 30 }).map((s) => s.replaceAll("\n", " ")),
  fc.constantFrom("", "   ", "\t\r", "\u00a0", "\u3000x", '{"id":1,"text":"RAG"}\r', "é".repeat(25)),
);
const textArb = fc.array(lineArb, { maxLength: 80 }).map((lines) => lines.join("\n"));

describe("one definition of a line", () => {
  it("LineSplitter reads the same lines however the bytes are chunked", () => {
    fc.assert(
      fc.property(textArb, fc.array(fc.nat(), { maxLength: 10 }), (text, cuts) => {
        const bytes = Buffer.from(text);
        const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const splitter = new LineSplitter(MAX);
        const lines: Line[] = [];
        let from = 0;
        for (const to of [...at, bytes.length]) {
          splitter.push(bytes.subarray(from, to), lines);
          from = to;
        }
        splitter.end(lines);
        expect(lines).toEqual(reference(text));
      }),
    );
  });

  it("the planner's byte ranges hold exactly the records stdin gives, numbered alike", async () => {
    const dir = mkdtempSync(join(tmpdir(), "role-lens-lines-"));
    const file = join(dir, "in.jsonl");
    await fc.assert(
      fc.asyncProperty(fc.array(lineArb, { minLength: 200, maxLength: 700 }), async (lines) => {
        const text = lines.join("\n");
        writeFileSync(file, text);
        const read = async (inputs: string[], stdin: string) => {
          const out: Array<{ index: number; where: string; read: ReadRecord }> = [];
          const options = {
            fields: DEFAULT_FIELDS,
            maxLength: MAX,
            stdin: Readable.from([Buffer.from(stdin)]),
            notes: { skipped: [], empty: [], unreadable: [] },
          };
          for await (const unit of planUnits(inputs, options)) {
            let index = unit.first;
            for (const r of readUnit(options, unit)) out.push({ index: index++, where: describeOrigin(r.origin).replace(file, "<stdin>"), read: r });
          }
          return out.map(({ index, where, read }) => ({ index, where, kind: read.kind }));
        };
        const fromFile = await read([file], "");
        expect(fromFile).toEqual(await read(["-"], text));
        expect(fromFile.map((r) => r.index)).toEqual(fromFile.map((_, i) => i));
        expect(fromFile).toHaveLength(reference(text).length);
      }),
      { numRuns: 25 },
    );
  });
});
