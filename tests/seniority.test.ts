import { describe, expect, it } from "vitest";
import { classify, DEFAULT_LEVEL, levelForYears } from "../src/index.js";

const level = (title: string, text = "Build ML models with PyTorch.") => classify({ title, text }).seniority;

describe("seniority from the title", () => {
  it.each([
    ["Machine Learning Engineer Intern", "junior"],
    ["Junior AI Engineer", "junior"],
    ["Jr. ML Engineer", "junior"],
    ["Software Engineer I - Machine Learning", "junior"],
    ["Machine Learning Engineer II", "mid"],
    ["Mid-level AI Developer", "mid"],
    ["Senior Machine Learning Engineer", "senior"],
    ["Sr. AI Engineer", "senior"],
    ["Machine Learning Engineer III", "senior"],
    ["Lead ML Engineer", "senior"],
    ["Staff Machine Learning Engineer", "staff"],
    ["Principal AI Engineer", "staff"],
    ["Senior Staff ML Engineer", "staff"],
    ["AI Solutions Architect", "staff"],
  ])("%s → %s", (title, expected) => {
    const s = level(title);
    expect(s.level).toBe(expected);
    expect(s.basis).toBe("title");
    expect(title.slice(s.evidence!.start, s.evidence!.end)).toBe(s.evidence!.text);
  });

  it("does not read the 'I' in 'AI' or 'Intelligence' as a level", () => {
    expect(level("AI Engineer").basis).not.toBe("title");
    expect(level("Artificial Intelligence Engineer").basis).not.toBe("title");
  });

  it("the title wins over the years", () => {
    expect(level("Senior ML Engineer", "You have 1+ years of experience.").level).toBe("senior");
  });
});

describe("seniority from required years", () => {
  it.each([
    ["0-1 years of experience with Python.", "junior", 0],
    ["2+ years of experience building models.", "mid", 2],
    ["3-5 years of experience in ML.", "mid", 3],
    ["At least 5 years of industry experience.", "senior", 5],
    ["8+ years of professional experience.", "senior", 8],
    ["Experience: 4 years in data science.", "mid", 4],
  ])("%s → %s", (text, expected, years) => {
    const s = level("ML Engineer", text);
    expect(s.basis).toBe("years");
    expect(s.level).toBe(expected);
    expect(s.yearsRequired).toBe(years);
  });

  it.each(["We were founded 12 years ago.", "A 2 year contract.", "Our 401(k) matches 5% for 3 years."])(
    "ignores years that are not experience: %s",
    (text) => {
      expect(level("ML Engineer", text).basis).toBe("default");
    },
  );

  it("uses the documented default when nothing is stated", () => {
    const s = level("ML Engineer", "Build models.");
    expect(s).toEqual({ level: DEFAULT_LEVEL, basis: "default", evidence: null, yearsRequired: null });
  });

  it("maps years to levels monotonically", () => {
    const order = ["junior", "mid", "senior", "staff"];
    for (let y = 0; y < 30; y++) expect(order.indexOf(levelForYears(y + 1))).toBeGreaterThanOrEqual(order.indexOf(levelForYears(y)));
  });
});

describe("seniority named in the body", () => {
  it.each([
    ["We are seeking a highly skilled Senior AI Developer to join us.", "senior"],
    ["As a junior AI engineer, you'll join our GenAI team.", "junior"],
    ["This role is for a junior to mid-level engineer.", "junior"],
    ["Position Title: Staff Machine Learning Engineer", "staff"],
  ])("%s → %s", (text, expected) => {
    const s = level("AI Engineer", text);
    expect(s.basis).toBe("body");
    expect(s.level).toBe(expected);
    expect(text.slice(s.evidence!.start, s.evidence!.end).toLowerCase()).toBe(s.evidence!.text.toLowerCase());
  });

  it("does not read 'work with senior engineers' as the level of the hire", () => {
    expect(level("AI Engineer", "You will work with senior engineers and mentor junior developers.").basis).toBe("default");
  });

  it("reads years written as words and glued to the previous word", () => {
    expect(level("ML Engineer", "Requires one year of relevant work experience.").yearsRequired).toBe(1);
    expect(level("ML Engineer", "Requirements5+ years of experience in ML.").yearsRequired).toBe(5);
  });
});
