import { describe, expect, it } from "vitest";
import { classify, type Posting } from "../src/index.js";
import { classifyMany } from "../src/node.js";

const postings = (n: number): Posting[] =>
  Array.from({ length: n }, (_, i) =>
    i % 13 === 5
      ? ({ id: `bad-${i}`, text: 42 } as unknown as Posting)
      : { id: `p${i}`, title: i % 2 ? "AI Engineer" : "ML Engineer", text: `Build RAG pipelines ${i}; train models with PyTorch.` },
  );

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe("classifyMany", () => {
  it("yields one record per posting, in order, with errors inline", async () => {
    const input = postings(60);
    const records = await collect(classifyMany(input));
    expect(records.map((r) => r.index)).toEqual(input.map((_, i) => i));
    expect(records.map((r) => r.id)).toEqual(input.map((p, i) => (typeof p === "object" && p.id) || String(i)));
    for (const [i, r] of records.entries()) {
      if (i % 13 === 5) expect("error" in r && r.error.code).toBe("INPUT_INVALID");
      else expect("result" in r && r.result).toEqual(classify(input[i]!));
    }
  });

  it("pulls postings as it goes instead of collecting the source", async () => {
    let pulled = 0;
    async function* source() {
      for (let i = 0; i < 1_000_000; i++) {
        pulled++;
        yield { id: String(i), text: "LangChain agents" };
      }
    }
    let seen = 0;
    for await (const _ of classifyMany(source())) if (++seen === 10) break;
    expect(pulled).toBeLessThanOrEqual(11);
  });

  it("rejects a concurrency that is not a whole number ≥ 1", async () => {
    await expect(collect(classifyMany([], { concurrency: 0 }))).rejects.toThrow(/concurrency/);
  });
});

describe("classifyMany on worker threads (the built library)", () => {
  it("gives the records it gives on one thread, errors included", async () => {
    const built = (await import(new URL("../dist/node.js", import.meta.url).href)) as typeof import("../src/node.js");
    const input = postings(300);
    const serial = await collect(built.classifyMany(input));
    const threaded = await collect(built.classifyMany(input, { concurrency: 2 }));
    expect(JSON.stringify(threaded)).toBe(JSON.stringify(serial));
  });
});

describe("the batch layer's imports", () => {
  it("classifyMany pulls in no CLI code (readers, formats, commands)", async () => {
    const { build } = await import("esbuild");
    const result = await build({
      entryPoints: [new URL("../src/batch/classify-many.ts", import.meta.url).pathname],
      bundle: true,
      write: false,
      metafile: true,
      platform: "node",
      format: "esm",
      loader: { ".json": "json" },
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((path) => path.includes("src/batch/record.ts"))).toBe(true);
    expect(inputs.filter((path) => path.includes("src/cli/") || path.includes("csv-"))).toEqual([]);
  });
});
