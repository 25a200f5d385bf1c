import { describe, expect, it } from "vitest";
import { classify } from "../src/index.js";
import { plainField } from "../src/pipeline/01-normalize.js";
import { detectSeniority } from "../src/seniority.js";
import { regexWork } from "./support/regex-work.js";

const seniority = (title: string, text = "Build ML models with PyTorch.") => classify({ title, text }).seniority;

// Issue 13, kind 5: the level marker belongs to the role, not to a team or product name.
const ROLE_MARKER: Array<[title: string, level: string]> = [
  ["Machine Learning Intern, Lead Generation Platform", "junior"],
  ["Machine Learning Engineer, Senior Platform Group", "mid"],
  ["AI Engineer, Office of the Director of AI", "mid"],
  ["AI Engineer - Team Lead Support", "mid"],
  ["Junior ML Engineer - Principal Investigations Team", "junior"],
  ["ML Engineer – Staff Augmentation Services", "mid"],
  ["Lead Generation Platform - Machine Learning Intern", "junior"],
  ["Data Scientist (Senior Living Division)", "mid"],
  ["AI Engineer - Lead Scoring", "mid"],
  ["Research Scientist, Principal Investigator Lab", "mid"],
  ["ML Engineer - Expert Network", "mid"],
  ["Junior Data Scientist, Senior Care Analytics", "junior"],
  // Traps: a marker that is the role's level even after a separator.
  ["Machine Learning Engineer - Senior", "senior"],
  ["Machine Learning Engineer, Senior Staff", "staff"],
  ["Software Engineer, Intern (Fall 2026)", "junior"],
  ["Staff, Data Scientist", "staff"],
  ["ML Engineer - Tech Lead", "senior"],
  ["Acme | Senior Machine Learning Engineer | Remote", "senior"],
  ["Head of Machine Learning", "staff"],
  ["Principal / Senior ML Engineer", "staff"],
  ["Machine Learning Engineer III - Remote", "senior"],
  ["ML Engineer (Senior Level)", "senior"],
  ["AI Engineer (Mid/Senior)", "senior"],
];

describe("seniority: the title's marker belongs to the role", () => {
  it("has at least 8 cases", () => expect(ROLE_MARKER.length).toBeGreaterThanOrEqual(8));
  it.each(ROLE_MARKER)("%s → %s", (title, level) => {
    const s = seniority(title);
    expect(s.level).toBe(level);
    if (s.basis === "title") expect(title.slice(s.evidence!.start, s.evidence!.end)).toBe(s.evidence!.text);
  });
});

// Kind 6: years that are not required experience; several requirement figures.
const YEARS: Array<[text: string, years: number | null]> = [
  ["For over 20 years, Acme has been building software for hospitals.\nRequirements\n- 2+ years of experience with Python.", 2],
  ["Founded 15 years ago, we serve 300 clinics. You have 3+ years of experience in ML.", 3],
  ["We have served our customers for 15 years. You bring 4+ years of professional experience.", 4],
  ["Our platform has been in production for 8+ years.", null],
  ["Acme: 12 years in business, 40 countries.", null],
  ["Celebrating 25 years of innovation!", null],
  ["In the past 10 years, our product has grown tenfold.", null],
  ["We have 10+ years of experience serving banks.", null],
  ["Our team brings 20 years of expertise.", null],
  ["Acme has 20 years of experience in healthcare software.", null],
  ["With 15 years in the market, Acme is the leader.", null],
  ["Over the last 12 years, we have grown to 400 people.", null],
  ["Our 20-year history of building for hospitals.", null],
  ["The ideal candidate has 5+ years of experience in ML.", 5],
  ["You have 3+ years of experience with Python.", 3],
  ["Candidates who have 4+ years of industry experience.", 4],
  ["Must have 6+ years of experience.", 6],
  ["A degree in a related fieldYou have 3+ years of experience.", 3],
  ["A 10-year-old product with a loyal following. 5+ years of experience required.", 5],
  // Traps: a requirement that starts with "for" or "over" is still one.
  ["We are looking for 5+ years of experience in ML.", 5],
  ["Over 3 years of experience with PyTorch.", 3],
  ["For 10 years, Acme has led the market. Minimum of 4 years of relevant experience.", 4],
];

describe("seniority: years that are not required experience", () => {
  it("has at least 8 cases", () => expect(YEARS.length).toBeGreaterThanOrEqual(8));
  it.each(YEARS)("%j → %s", (text, years) => {
    const s = seniority("ML Engineer", text);
    expect(s.yearsRequired).toBe(years);
    if (years === null) expect(s.basis).toBe("default");
    else expect(s.evidence!.text).toMatch(new RegExp(`^${years}`));
  });
});

// The requirements section's figure counts when several are stated.
const SECTIONED: Array<[text: string, years: number, level: string]> = [
  ["About us\nOur founders have 15+ years of experience in fintech.\nRequirements\n- 2+ years of experience with Python.", 2, "mid"],
  ["Requirements\n- 3+ years of experience in ML.\nNice to have\n- 6+ years of experience with Spark.", 3, "mid"],
  ["Responsibilities\n- Mentor engineers with 8+ years of experience.\nRequirements\n- 1+ years of experience with PyTorch.", 1, "junior"],
  ["Benefits\n- A sabbatical after 5+ years of service.\nQualifications\n- 4+ years of experience building models.", 4, "mid"],
  ["Requirements\n- 5+ years of experience in ML.\n- 2+ years of experience with Rust.", 5, "senior"],
  ["What you'll do\n- Build models.\nAbout you\n- 6+ years of experience shipping ML.", 6, "senior"],
  ["Nice to have\n- 8+ years of experience.\nWhat you'll do\n- 3+ years of experience with LLMs is expected.", 3, "mid"],
  ["Build models. 2+ years of experience with Python; 7+ years of experience in software.", 7, "senior"],
];

describe("seniority: the figure in the requirements section counts", () => {
  it("has at least 8 cases", () => expect(SECTIONED.length).toBeGreaterThanOrEqual(8));
  it.each(SECTIONED)("%j → %s years", (text, years, level) => {
    const s = seniority("ML Engineer", text);
    expect(s.yearsRequired).toBe(years);
    expect(s.level).toBe(level);
  });
});

// "No experience needed" asks for none: 0 years, junior; a waived skill is not a waived experience.
const NO_EXPERIENCE: Array<[text: string, level: string]> = [
  ["Make coffee for our team. No experience needed, we will train you.", "junior"],
  ["No prior experience required: we teach everything on the job.", "junior"],
  ["No professional experience is necessary for this apprenticeship.", "junior"],
  ["No Dart experience required; you will learn it here.", "mid"],
  ["Previous Rust experience is not required.", "mid"],
  ["No experience needed with our tools, but 6+ years of backend work required.", "senior"],
];

describe("seniority: a posting that asks for no experience", () => {
  it.each(NO_EXPERIENCE)("%s → %s", (text, level) => {
    const s = classify({ title: "Engineer", text }).seniority;
    expect(s.level).toBe(level);
    if (s.evidence) expect(text.slice(s.evidence.start, s.evidence.end)).toBe(s.evidence.text);
  });
});

describe("seniority: work linear in the posting's length", () => {
  it.each([
    ["years phrases", "For over 20 years, Acme has grown. Requirements\n- 5+ years of experience; 3 to 5 yrs in ML; founded 12 years ago.\n"],
    ["a title of many parts", "Senior Platform Group, "],
    ["a title part of many markers", "senior lead staff "],
  ])("%s", (_, unit) => {
    const range = (text: string) => plainField(text);
    const work = (n: number) => regexWork(() => detectSeniority(range(`ML Engineer, ${unit.repeat(n)}`), range(unit.repeat(n))));
    // Linear is 10× per 10× (plus a constant); a rescan per phrase would be 100×.
    expect(work(1000)).toBeLessThan(11 * work(100));
  });
});
