/*
 * A deterministic cost model for linear-time tests: while `countWork` runs its callback, the string
 * and RegExp primitives the code under test reads text with are wrapped to add up how many
 * characters each call is handed (or scans). The count does not depend on the machine's speed or
 * load, so "ten times the input costs at most twelve times the work" is a stable assertion where a
 * wall-clock ratio was not. It sees scans done through these primitives, not the work inside one
 * regex match (catastrophic backtracking is tests/regex-safety.test.ts's static check).
 */

type Method = (this: unknown, ...args: never[]) => unknown;

let work = 0;

const len = (value: unknown): number => (typeof value === "string" ? value.length : 0);
const from = (position: unknown): number => (typeof position === "number" && position > 0 ? Math.floor(position) : 0);

/** Characters each wrapped String.prototype method is charged, from its receiver, arguments and result. */
const STRING_COSTS: Record<string, (self: string, args: unknown[], result: unknown) => number> = {
  charCodeAt: () => 1,
  codePointAt: () => 1,
  charAt: () => 1,
  at: () => 1,
  slice: (_s, _a, r) => len(r) + 1,
  substring: (_s, _a, r) => len(r) + 1,
  indexOf: (s, [needle, position], r) => ((r as number) < 0 ? s.length - from(position) : (r as number) - from(position) + len(needle)) + 1,
  lastIndexOf: (s, [needle, position], r) => (position === undefined ? s.length : from(position)) - Math.max(r as number, 0) + len(needle) + 1,
  includes: (s, [_n, position]) => s.length - from(position) + 1,
  startsWith: (_s, [needle]) => len(needle) + 1,
  endsWith: (_s, [needle]) => len(needle) + 1,
  toLowerCase: (s) => s.length + 1,
  toUpperCase: (s) => s.length + 1,
  normalize: (s) => s.length + 1,
  trim: (s) => s.length + 1,
  trimStart: (s) => s.length + 1,
  trimEnd: (s) => s.length + 1,
  split: (s) => s.length + 1,
  replace: (s) => s.length + 1,
  replaceAll: (s) => s.length + 1,
};

/*
 * RegExp.prototype.exec is the one primitive under test, match, replace, split and matchAll (once
 * it is replaced, V8 routes them through it, as the spec says). A search is charged from where it
 * starts to the end of its match, or to the end of the text when it fails; a sticky attempt is
 * charged its match, or 1.
 */
function execCost(re: RegExp, text: string, start: number, match: RegExpExecArray | null): number {
  if (re.sticky) return (match?.[0].length ?? 0) + 1;
  return (match ? match.index + match[0].length : text.length) - start + 1;
}

/** Runs `run` with the cost model on; returns the characters charged. Not reentrant. */
export function countWork(run: () => void): number {
  const saved: Array<[object, string, Method]> = [];
  const wrap = (target: object, name: string, wrapped: (original: Method) => Method) => {
    const original = (target as Record<string, Method>)[name]!;
    saved.push([target, name, original]);
    Object.defineProperty(target, name, { value: wrapped(original), writable: true, configurable: true });
  };
  for (const [name, cost] of Object.entries(STRING_COSTS)) {
    wrap(
      String.prototype,
      name,
      (original) =>
        function (this: unknown, ...args: never[]) {
          const result = original.apply(this, args);
          work += cost(String(this), args, result);
          return result;
        },
    );
  }
  wrap(
    RegExp.prototype,
    "exec",
    (original) =>
      function (this: unknown, ...args: never[]) {
        const re = this as RegExp;
        const start = re.global || re.sticky ? re.lastIndex : 0;
        const match = original.apply(this, args) as RegExpExecArray | null;
        work += execCost(re, String(args[0]), start, match);
        return match;
      },
  );
  work = 0;
  try {
    run();
    return work;
  } finally {
    for (const [target, name, original] of saved.reverse()) Object.defineProperty(target, name, { value: original, writable: true, configurable: true });
  }
}

/** Work of `run(large)` over work of `run(small)`, after one warm-up call (caches, lazy tables). */
export function workRatio<T>(run: (input: T) => void, small: T, large: T): number {
  run(small);
  return countWork(() => run(large)) / countWork(() => run(small));
}
