/**
 * Stage 8: the salaries the posting states, read by `salary/extract.ts` from the title, then the
 * body, each as a span of the original input with its figures, currency and period.
 */
import type { StatedSalaryResult } from "../result.js";
import { extractSalaries } from "../salary/extract.js";
import { spanOf, textOf, type FieldValue, type PostingFields } from "./field.js";

function statedIn(value: FieldValue): StatedSalaryResult[] {
  return extractSalaries(textOf(value)).map((pay) => ({
    ...spanOf(value, value.from + pay.start, value.from + pay.end),
    min: pay.min,
    max: pay.max,
    currency: pay.currency,
    period: pay.period,
    annualMin: pay.annualMin,
    annualMax: pay.annualMax,
  }));
}

/** Stage 8: every salary stated in the title, then the body, in text order. */
export function statedPay(fields: PostingFields): StatedSalaryResult[] {
  return fields.title ? [...statedIn(fields.title), ...statedIn(fields.body)] : statedIn(fields.body);
}
