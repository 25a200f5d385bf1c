/*
 * One cold start, in this fresh process: import the package, compile the default lexicon, classify
 * one short posting, then the heap after a GC (with --expose-gc). Prints one JSON line of
 * milliseconds. `npm run bench` runs it in several fresh processes and reports the medians; by hand:
 * `node --expose-gc bench/cold-start.mjs [path of dist/index.js]`.
 */
const entry = process.argv[2] ?? new URL("../dist/index.js", import.meta.url).href;
const t0 = performance.now();
const m = await import(entry.startsWith("/") ? `file://${entry}` : entry);
const t1 = performance.now();
const classifier = m.createClassifier();
const t2 = performance.now();
classifier.classify({ title: "ML Engineer", text: "Train ranking models with PyTorch. 5+ years. Salary $150,000 - $180,000." });
const t3 = performance.now();
globalThis.gc?.();
console.log(
  JSON.stringify({ importMs: t1 - t0, compileMs: t2 - t1, firstClassifyMs: t3 - t2, totalMs: t3 - t0, heapMb: process.memoryUsage().heapUsed / 1048576 }),
);
