import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ANNUALIZE, classify, extractSalaries, extractSalary } from "../src/index.js";
import { regexWork } from "./support/regex-work.js";

type Expected = [min: number, max: number, currency: string, period: string] | null;

/** Each case: posting text → the primary stated salary (min, max, currency, period), or null. */
const CASES: Array<[string, Expected]> = [
  // ranges, US style
  ["Salary: $180,000 - $220,000", [180000, 220000, "USD", "year"]],
  ["The base pay range is $180,000–$220,000.", [180000, 220000, "USD", "year"]],
  ["Compensation: $180k–$220k", [180000, 220000, "USD", "year"]],
  ["$180K to $220K per year", [180000, 220000, "USD", "year"]],
  ["Pay range: $180K - $220K/yr", [180000, 220000, "USD", "year"]],
  ["Salary range $150,000 to $190,000 annually", [150000, 190000, "USD", "year"]],
  ["USD 150,000-190,000 base salary", [150000, 190000, "USD", "year"]],
  ["Base salary: 150,000 - 190,000 USD", [150000, 190000, "USD", "year"]],
  ["US$140,000 - US$160,000 per annum", [140000, 160000, "USD", "year"]],
  ["The salary is between $120,000 and $140,000.", [120000, 140000, "USD", "year"]],
  ["Salary $150k-$190k + equity", [150000, 190000, "USD", "year"]],
  ["Salary: $150,000.00 - $190,000.00", [150000, 190000, "USD", "year"]],
  ["The pay range is $150,000 -\n$190,000 depending on location.", [150000, 190000, "USD", "year"]],
  ["$160-200k base", [160000, 200000, "USD", "year"]],
  ["Base salary of $150k plus bonus and equity", [150000, 150000, "USD", "year"]],
  ["OTE $200,000 - $250,000", [200000, 250000, "USD", "year"]],
  // hourly, daily, weekly, monthly
  ["$85/hr", [85, 85, "USD", "hour"]],
  ["$85 / hour W2", [85, 85, "USD", "hour"]],
  ["Pay: $60 – $75 an hour", [60, 75, "USD", "hour"]],
  ["Hourly rate of $55-$65 depending on experience", [55, 65, "USD", "hour"]],
  ["$70 per hour on a 6 month contract", [70, 70, "USD", "hour"]],
  ["Rate: £550 per day outside IR35", [550, 550, "GBP", "day"]],
  ["€900 daily rate", [900, 900, "EUR", "day"]],
  ["$2,000 per week", [2000, 2000, "USD", "week"]],
  ["Salary: €5.500 - €7.000 per month", [5500, 7000, "EUR", "month"]],
  ["€6,000 monthly gross salary", [6000, 6000, "EUR", "month"]],
  // other currencies
  ["Salary: £70,000", [70000, 70000, "GBP", "year"]],
  ["£65,000 - £80,000 per annum", [65000, 80000, "GBP", "year"]],
  ["Salary €70.000 – €90.000", [70000, 90000, "EUR", "year"]],
  ["Salaris: € 4.500 - € 6.000 per maand", [4500, 6000, "EUR", "month"]],
  ["Gehalt: 5.000 € pro Monat", [5000, 5000, "EUR", "month"]],
  ["Jahresgehalt 65.000 € bis 80.000 €", [65000, 80000, "EUR", "year"]],
  ["Gehalt: 5.000 EUR pro Monat", [5000, 5000, "EUR", "month"]],
  ["70k-90k EUR", [70000, 90000, "EUR", "year"]],
  ["Gehalt: 70.000 - 85.000 EUR", [70000, 85000, "EUR", "year"]],
  ["Compensation: CA$120,000", [120000, 120000, "CAD", "year"]],
  ["C$110,000 - C$130,000 salary", [110000, 130000, "CAD", "year"]],
  ["AUD 150,000 - 170,000 + super", [150000, 170000, "AUD", "year"]],
  ["CHF 120'000", null],
  ["CHF 120,000 - 140,000 salary", [120000, 140000, "CHF", "year"]],
  ["CTC: ₹25 LPA", [2500000, 2500000, "INR", "year"]],
  ["₹18 - 25 LPA", [1800000, 2500000, "INR", "year"]],
  ["INR 20,00,000 per annum", [2000000, 2000000, "INR", "year"]],
  ["SGD 8,000 - 10,000 monthly", [8000, 10000, "SGD", "month"]],
  // single figures with a cue
  ["Salary up to $200k", [200000, 200000, "USD", "year"]],
  ["Starting at $150,000", [150000, 150000, "USD", "year"]],
  ["We pay $165,000 for this role.", [165000, 165000, "USD", "year"]],
  ["Compensation: $100,000/year USD", [100000, 100000, "USD", "year"]],
  // several locations: the first is primary
  ["NYC: $180,000 - $220,000. Remote US: $160,000 - $200,000.", [180000, 220000, "USD", "year"]],
  // traps that are not pay
  ["We offer a 401(k) with 4% match.", null],
  ["401k matching and $0 premiums", null],
  ["We raised a $5M Series A.", null],
  ["We have $2B in revenue.", null],
  ["Backed by $30 million in funding.", null],
  ["40 hours per week", null],
  ["5+ years of experience", null],
  ["Call us at 555-123-4567.", null],
  ["Apply by 12/31/2025.", null],
  ["0.5% - 1.0% equity", null],
  ["A $50 home-office stipend every month.", null],
  ["$1,000 learning budget per year", null],
  ["$10,000 signing bonus", null],
  ["We serve 10,000 customers.", null],
  ["Version 2.5 - 3.0 of our API", null],
  ["$20 meal credit per day", null],
  ["401K Dollar for Dollar Matching up to 6% Annually", null],
  ["Compensation and benefits: $10,000 fertility and family-forming support", null],
  ["We match 403(b) contributions up to $5,000 per year.", null],
  ["Python 3.11 and Node 20", null],
  ["Our ARR grew past $50M.", null],
  ["A $500 wellness allowance", null],
  ["Customers save $5 per order.", null],
  ["The $99 plan", null],
];

describe("extractSalary: forms and traps", () => {
  it.each(CASES)("%j", (text, expected) => {
    const s = extractSalary(text);
    if (expected === null) {
      expect(s).toBeNull();
      return;
    }
    expect(s).not.toBeNull();
    expect([s!.min, s!.max, s!.currency, s!.period]).toEqual(expected);
    expect(text.slice(s!.start, s!.end)).toBe(s!.text);
  });

  it("has at least 60 cases", () => expect(CASES.length).toBeGreaterThanOrEqual(60));

  it("annualizes with the documented constants and keeps the original period", () => {
    expect(ANNUALIZE).toEqual({ year: 1, month: 12, week: 52, day: 260, hour: 2080 });
    const hourly = extractSalary("Pay: $60 – $75 an hour")!;
    expect([hourly.annualMin, hourly.annualMax, hourly.period]).toEqual([124800, 156000, "hour"]);
    const monthly = extractSalary("Salary: €5.500 - €7.000 per month")!;
    expect([monthly.annualMin, monthly.annualMax]).toEqual([66000, 84000]);
  });

  it("reports every range of a multi-location posting, in order", () => {
    const all = extractSalaries("NYC: $180,000 - $220,000. SF: $190,000 - $230,000. Remote: $150,000 - $200,000.");
    expect(all.map((s) => [s.min, s.max])).toEqual([
      [180000, 220000],
      [190000, 230000],
      [150000, 200000],
    ]);
  });
});

describe("stated salary in classify", () => {
  it("maps the stated pay back to the original HTML and compares it with the band", () => {
    const html =
      "<p>Senior ML Engineer</p><ul><li>Train models with PyTorch and deploy them with Triton.</li><li>5+ years of experience.</li></ul><p>Salary: $300,000&nbsp;&ndash;&nbsp;$350,000 per year</p>";
    const r = classify({ title: "Senior Machine Learning Engineer", html });
    expect(r.salary.stated).toMatchObject({ min: 300000, max: 350000, currency: "USD", period: "year", field: "html" });
    expect(html.slice(r.salary.stated!.start, r.salary.stated!.end)).toBe(r.salary.stated!.text);
    expect(r.salary.comparison).toBe("above");
  });

  it("compares within and below, and never across currencies", () => {
    const posting = (pay: string) => classify({ title: "Senior ML Engineer", text: `Train and deploy models with PyTorch; distributed training.\n${pay}` });
    expect(posting("Salary: $210,000 - $250,000").salary.comparison).toBe("within");
    expect(posting("Salary: $120,000 - $150,000").salary.comparison).toBe("below");
    expect(posting("Salary: €120.000 - €150.000").salary.comparison).toBeNull();
  });

  it("reads pay stated in the title", () => {
    const r = classify({ title: "ML Engineer - $100,000/year USD", text: "Train models with PyTorch." });
    expect(r.salary.stated).toMatchObject({ field: "title", min: 100000, period: "year" });
  });
});

describe("extractSalary: properties", () => {
  it("never throws, and every result has min ≤ max and annualized ≥ raw", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.string({ unit: "binary", maxLength: 200 }),
          fc
            .array(
              fc.constantFrom(
                "$",
                "€",
                "£",
                "₹",
                "R$",
                "Rs. ",
                "150",
                ",000",
                "12,00,000",
                "k",
                " lakh",
                " LPA",
                " - ",
                " to ",
                "/hr",
                "/yr",
                "per hour",
                "salary",
                "relocation",
                "USD",
                "CAD",
                "\n",
                "401(k)",
                "M",
                ".",
              ),
              { maxLength: 40 },
            )
            .map((a) => a.join("")),
        ),
        (text) => {
          for (const s of extractSalaries(text)) {
            expect(s.min).toBeLessThanOrEqual(s.max);
            expect(s.annualMin).toBeLessThanOrEqual(s.annualMax);
            expect(s.annualMin).toBeGreaterThanOrEqual(s.min);
            expect(text.slice(s.start, s.end)).toBe(s.text);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  // A posting-like unit, and currency marks in text without spaces, where widening each window to the
  // nearest space once stretched every window over the whole text. Work is counted, not timed.
  it.each([
    ["a posting", "Salary $150,000 - $190,000 per year; 401(k); $5M Series A; 40 hours per week. 1,234,567 2.5 "],
    ["marks in one endless word", `${"x".repeat(200)}$5`],
    ["ranges with a period on each bound", "$60/hr - $65/hr; ₹12,00,000 - ₹18,00,000 per annum; Rs. 5,000; Relocation: up to $10k. "],
  ])("does work linear in the text's length (%s)", (_, unit) => {
    const work = (n: number) => regexWork(() => extractSalaries(unit.repeat(n)));
    // Linear is 10× per 10× (plus a constant); a rescan per figure would be 100×.
    expect(work(2000)).toBeLessThan(11 * work(200));
    expect(work(2000)).toBeGreaterThan(0);
  });
});
