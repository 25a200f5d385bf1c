/**
 * Counts the work regular expressions do while `run` runs, without a clock: a non-global exec or
 * test costs the length of its input; a global scan costs its input's length once, when it starts
 * (lastIndex 0). With every pattern linear (tests/regex-safety.test.ts), this bounds the time, so a
 * caller that slices ever longer context, or rescans a text per match, shows as super-linear work.
 */
export function regexWork(run: () => void): number {
  const exec = RegExp.prototype.exec;
  let work = 0;
  RegExp.prototype.exec = function (this: RegExp, input: string) {
    if (!(this.global || this.sticky) || this.lastIndex === 0) work += input.length - (this.global || this.sticky ? this.lastIndex : 0);
    return exec.call(this, input);
  };
  try {
    run();
  } finally {
    RegExp.prototype.exec = exec;
  }
  return work;
}
