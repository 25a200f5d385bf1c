/**
 * The public result and lexicon types are hand-written, documented interfaces; the zod schemas are
 * the runtime validators. These checks make the two agree exactly (`tsc --noEmit` runs them in
 * `npm test`), so neither can change without the other.
 */
import { describe, expectTypeOf, test } from "vitest";
import type * as z from "zod";
import type {
  AttributionWeights,
  attributionWeightsSchema,
  DecisionSettings,
  decisionSchema,
  FitSummary,
  fitSchema,
  Lexicon,
  LexiconEntry,
  LexiconEntryInput,
  LexiconInput,
  lexiconEntryObject,
  lexiconObject,
  SectionWeights,
  sectionWeightsSchema,
} from "../src/lexicon/schema.js";
import type {
  Classification,
  classificationObject,
  Field,
  fieldSchema,
  SectionName,
  sectionKindSchema,
  Evidence,
  EvidenceMatch,
  evidenceMatchSchema,
  evidenceSchema,
  SeniorityResult,
  seniorityResultSchema,
  Span,
  spanSchema,
  StatedSalaryResult,
  statedSalarySchema,
} from "../src/result.js";
import type { BandTable, bandTableObject } from "../src/salary/band.js";
import { bandTableSchema, classificationSchema, lexiconEntrySchema, lexiconSchema, type Validator } from "../src/index.js";

describe("hand-written public types equal their zod schemas", () => {
  test("result types", () => {
    expectTypeOf<Field>().toEqualTypeOf<z.infer<typeof fieldSchema>>();
    expectTypeOf<SectionName>().toEqualTypeOf<z.infer<typeof sectionKindSchema>>();
    expectTypeOf<Span>().toEqualTypeOf<z.infer<typeof spanSchema>>();
    expectTypeOf<EvidenceMatch>().toEqualTypeOf<z.infer<typeof evidenceMatchSchema>>();
    expectTypeOf<Evidence>().toEqualTypeOf<z.infer<typeof evidenceSchema>>();
    expectTypeOf<StatedSalaryResult>().toEqualTypeOf<z.infer<typeof statedSalarySchema>>();
    expectTypeOf<SeniorityResult>().toEqualTypeOf<z.infer<typeof seniorityResultSchema>>();
    expectTypeOf<Classification>().toEqualTypeOf<z.infer<typeof classificationObject>>();
  });

  test("lexicon types", () => {
    expectTypeOf<LexiconEntry>().toEqualTypeOf<z.infer<typeof lexiconEntryObject>>();
    expectTypeOf<SectionWeights>().toEqualTypeOf<z.infer<typeof sectionWeightsSchema>>();
    expectTypeOf<AttributionWeights>().toEqualTypeOf<z.infer<typeof attributionWeightsSchema>>();
    expectTypeOf<DecisionSettings>().toEqualTypeOf<z.infer<typeof decisionSchema>>();
    expectTypeOf<FitSummary>().toEqualTypeOf<z.infer<typeof fitSchema>>();
    expectTypeOf<Lexicon>().toEqualTypeOf<z.infer<typeof lexiconObject>>();
    expectTypeOf<LexiconEntryInput>().toEqualTypeOf<z.input<typeof lexiconEntryObject>>();
    expectTypeOf<LexiconInput>().toEqualTypeOf<z.input<typeof lexiconObject>>();
  });

  test("band table", () => {
    expectTypeOf<BandTable>().toEqualTypeOf<z.infer<typeof bandTableObject>>();
  });

  test("the public validators are typed by the hand-written types, without zod's", () => {
    expectTypeOf(classificationSchema).toEqualTypeOf<Validator<Classification>>();
    expectTypeOf(lexiconSchema).toEqualTypeOf<Validator<LexiconInput, Lexicon>>();
    expectTypeOf(lexiconEntrySchema).toEqualTypeOf<Validator<LexiconEntryInput, LexiconEntry>>();
    expectTypeOf(bandTableSchema).toEqualTypeOf<Validator<BandTable>>();
    expectTypeOf(lexiconSchema.safeParse({})).toEqualTypeOf<ReturnType<Validator<LexiconInput, Lexicon>["safeParse"]>>();
  });

  test("a drifted type fails the check", () => {
    // The check is strict: one optional field more is not equal.
    expectTypeOf<Span & { extra?: number }>().not.toEqualTypeOf<z.infer<typeof spanSchema>>();
  });
});
