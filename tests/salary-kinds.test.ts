import { describe, expect, it } from "vitest";
import { classify, extractSalaries, extractSalary } from "../src/index.js";
import { CURRENCY_MARKS } from "../src/salary/patterns.js";

type Expected = [min: number, max: number, currency: string, period: string] | null;

/** Checks the primary stated salary against the expectation, and that its span slices back. */
function expectPay(text: string, expected: Expected): void {
  const s = extractSalary(text);
  if (expected === null) {
    expect(s).toBeNull();
    return;
  }
  expect(s).not.toBeNull();
  expect([s!.min, s!.max, s!.currency, s!.period]).toEqual(expected);
  expect(text.slice(s!.start, s!.end)).toBe(s!.text);
}

// Issue 13, kind 1: the currency comes from the whole mark; a shared mark only where the posting says which.
const CURRENCY: Array<[string, Expected]> = [
  ["Pay range $160,000 — $200,000 CAD", [160000, 200000, "CAD", "year"]],
  ["Pay range\n$160,000—$200,000 CAD\n", [160000, 200000, "CAD", "year"]],
  ["Salary: $95,000 - $120,000 (AUD) plus super", [95000, 120000, "AUD", "year"]],
  ["Base: $140k/yr CAD", [140000, 140000, "CAD", "year"]],
  ["R$ 15.000 – 20.000 per month", [15000, 20000, "BRL", "month"]],
  ["Salary: BRL 180,000 - 240,000 per year", [180000, 240000, "BRL", "year"]],
  ["Salary MX$45,000 - MX$60,000 per month", [45000, 60000, "MXN", "month"]],
  ["Salary A$150,000 – A$170,000 + super", [150000, 170000, "AUD", "year"]],
  ["Compensation NZ$120k - NZ$140k", [120000, 140000, "NZD", "year"]],
  ["Salary S$8,000 - S$10,000 monthly", [8000, 10000, "SGD", "month"]],
  ["Salary HK$50,000 per month", [50000, 50000, "HKD", "month"]],
  ["Salary NT$1,200,000 - NT$1,800,000 per year", [1200000, 1800000, "TWD", "year"]],
  ["Salary $25,000 - $35,000 MXN per month", [25000, 35000, "MXN", "month"]],
  ["Salary US$140,000 - US$160,000", [140000, 160000, "USD", "year"]],
  ["Salary CDN$90,000 - CDN$110,000", [90000, 110000, "CAD", "year"]],
  ["Salary CAD $90,000 - $110,000", [90000, 110000, "CAD", "year"]],
  ["Salary ₱60,000 - ₱80,000 per month", [60000, 80000, "PHP", "month"]],
  ["Salary: $150,000 - $180,000", [150000, 180000, "USD", "year"]],
  // Shared marks: "Rs." (four rupees) and "¥" (yen or yuan) only where the posting names the currency.
  ["Salary Rs. 80,000 per month", null],
  ["Salary Rs. 80,000 per month (Pakistani Rupees)", [80000, 80000, "PKR", "month"]],
  ["Salary: Rs 1,50,000 per month. All figures in INR.", [150000, 150000, "INR", "month"]],
  ["Salary Rs. 80,000 per month, paid in LKR", [80000, 80000, "LKR", "month"]],
  ["Salary Rs. 80,000 per month; offices in Karachi (PKR) and Pune (INR)", null],
  ["Salary ¥6,000,000 - ¥8,000,000 per year", null],
  ["Salary ¥6,000,000 - ¥8,000,000 per year (JPY)", [6000000, 8000000, "JPY", "year"]],
  ["Salary ¥30,000 per month, paid in Chinese yuan", [30000, 30000, "CNY", "month"]],
  // Traps: marks that disagree, a mark that is a company's initials.
  ["Salary €80,000 - $90,000", null],
  ["Salary US$150,000 - 170,000 CAD", null],
];

// Kind 2: a period written after each bound.
const PERIOD_EACH_BOUND: Array<[string, Expected]> = [
  ["$117,000/yr - $199,000/yr", [117000, 199000, "USD", "year"]],
  ["$60/hr - $65/hr", [60, 65, "USD", "hour"]],
  ["Pay: $45/hour – $55/hour", [45, 55, "USD", "hour"]],
  ["£500 per day - £600 per day", [500, 600, "GBP", "day"]],
  ["€4.000/Monat - €5.000/Monat", [4000, 5000, "EUR", "month"]],
  ["$150k per year to $180k per year", [150000, 180000, "USD", "year"]],
  ["$30 an hour to $40 an hour", [30, 40, "USD", "hour"]],
  ["£45,000 p.a. – £55,000 p.a.", [45000, 55000, "GBP", "year"]],
  ["$117K/yr-$199K/yr", [117000, 199000, "USD", "year"]],
  ["USD 60/hr – USD 65/hr", [60, 65, "USD", "hour"]],
  ["Salary $9,000/mo - $11,000/mo", [9000, 11000, "USD", "month"]],
  // Traps: two different periods fail closed; a period on the first figure only leaves the second its own.
  ["$5,000/month - $90,000/year", null],
  ["$100k per year and $20k signing bonus", [100000, 100000, "USD", "year"]],
  ["$150,000/yr – $1.2M/yr", null],
];

// Kind 3: amounts that are not pay, whichever side the qualifying word stands on.
const NOT_PAY: Array<[string, Expected]> = [
  ["Relocation: $10,000", null],
  ["Relocation assistance of up to $15,000", null],
  ["Up to $10,000 relocation", null],
  ["Up to $15k in relocation support", null],
  ["$20,000 signing bonus", null],
  ["Sign-on bonus: $25,000", null],
  ["Joining bonus ₹2,00,000", null],
  ["Monthly stipend: $3,000", null],
  ["$3,000 monthly stipend", null],
  ["Housing allowance of $2,500 per month", null],
  ["Referral bonus: $5,000 for every hire", null],
  ["Salary $150k, plus a $10k signing bonus", [150000, 150000, "USD", "year"]],
  ["Relocation bonus of $10k and a salary of $150,000", [150000, 150000, "USD", "year"]],
  ["$2,000 signing bonus and $150,000 base salary", [150000, 150000, "USD", "year"]],
  ["• Base: $140,000\n• Sign-on: $20,000\n• Relocation: up to $10,000", [140000, 140000, "USD", "year"]],
  ["Equity: $50,000 in RSUs", null],
  ["Base Salary – INR 12.5 Lakhs\nJoining Bonus – INR 1.5 Lakhs\nRelocation – INR 50K", [1250000, 1250000, "INR", "year"]],
  ["Base salary: $140,000\nSigning bonus: $20,000\nRelocation: $10,000", [140000, 140000, "USD", "year"]],
  ["Signing bonus: $20,000\nBase salary: $140,000 - $160,000", [140000, 160000, "USD", "year"]],
];

// Kind 4: Indian digit grouping, lakh and crore, wherever the currency is a rupee.
const INDIAN: Array<[string, Expected]> = [
  ["₹12,00,000 - ₹18,00,000 per annum", [1200000, 1800000, "INR", "year"]],
  ["INR 20,00,000 per annum", [2000000, 2000000, "INR", "year"]],
  ["CTC: ₹1,20,00,000", [12000000, 12000000, "INR", "year"]],
  ["Salary ₹40–60L", [4000000, 6000000, "INR", "year"]],
  ["Salary: 12 - 18 lakhs per annum", [1200000, 1800000, "INR", "year"]],
  ["CTC ₹1.2 crore", [12000000, 12000000, "INR", "year"]],
  ["CTC: INR 25 LPA", [2500000, 2500000, "INR", "year"]],
  ["Stipend-free internship; salary ₹50,000 per month", [50000, 50000, "INR", "month"]],
  ["Salary ₹ 8,50,000 - 12,00,000", [850000, 1200000, "INR", "year"]],
  // Traps: Indian grouping or lakh with a currency that is not a rupee, and a rupee without a named currency.
  ["Salary $12,00,000", null],
  ["Salary €12 lakh", null],
  ["Salary Rs. 12,00,000 per annum", null],
];

// Kind 5: a lone figure that is a whole field of a "|"-separated header line ("Who is hiring" posts).
const HEADER_FIELD: Array<[string, Expected]> = [
  ["Acme | Senior ML Engineer | Remote (US) | $180k | Full-time", [180000, 180000, "USD", "year"]],
  ["Acme | ML Engineer | NYC | $190K + equity", [190000, 190000, "USD", "year"]],
  ["Acme | SRE | Remote | $192k + bonus\nWe run trading systems.", [192000, 192000, "USD", "year"]],
  ["Acme | Berlin | €95k | Hybrid", [95000, 95000, "EUR", "year"]],
  ["Acme | London | £120,000 | Onsite", [120000, 120000, "GBP", "year"]],
  // Traps: a figure that shares its field with other words, a figure that is not a field, funding, and an hourly-sized figure.
  ["Acme | Seed round of $180k closed | Remote", null],
  ["Acme | $180k raised from angels | Remote", null],
  ["We raised $180k last year.", null],
  ["Acme | Series A | $5M | Remote", null],
  ["Acme | Contract | $90 | Remote", null],
];

// A period named before the figure behind a colon or a bracket, and the Swiss apostrophe grouping.
const PERIOD_BEFORE: Array<[string, Expected]> = [
  ["Monthly: $8,000 - $10,000", [8000, 10000, "USD", "month"]],
  ["Salary (per month): $9,000", [9000, 9000, "USD", "month"]],
  ["Salary (monthly): ₹1,50,000", [150000, 150000, "INR", "month"]],
  ["Monthly salary: €5,000", [5000, 5000, "EUR", "month"]],
  ["Hourly rate: $60 - $75", [60, 75, "USD", "hour"]],
  ["Salary: $60 - $75 (hourly)", [60, 75, "USD", "hour"]],
  ["Pay $60 (hourly, W2)", [60, 60, "USD", "hour"]],
  ["Day rate: £500", [500, 500, "GBP", "day"]],
  ["Salary: CHF 120'000 - 140'000", [120000, 140000, "CHF", "year"]],
  ["Salary: CHF 120’000 – 140’000 per year", [120000, 140000, "CHF", "year"]],
  // Traps: a period word too far from the figure, or naming something else.
  ["We offer flexible hourly schedules and a salary of $150,000", [150000, 150000, "USD", "year"]],
  ["Paid monthly via payroll, and the salary is $150,000", [150000, 150000, "USD", "year"]],
  ["A $500 per month home-office stipend; base salary $150,000", [150000, 150000, "USD", "year"]],
];

it("a period in brackets after the figure is part of its span, closing bracket included", () => {
  expect(extractSalary("Salary: $60 - $75 (hourly)")?.text).toBe("$60 - $75 (hourly)");
  expect(extractSalary("Rate: $60 (per hour)")?.text).toBe("$60 (per hour)");
});

describe.each([
  ["a period before the figure", PERIOD_BEFORE],
  ["currency from the whole mark", CURRENCY],
  ["a lone figure as a header field", HEADER_FIELD],
  ["a period after each bound", PERIOD_EACH_BOUND],
  ["amounts that are not pay", NOT_PAY],
  ["Indian digit grouping", INDIAN],
])("stated pay: %s", (_, cases) => {
  it("has at least 8 cases", () => expect(cases.length).toBeGreaterThanOrEqual(8));
  it.each(cases)("%j", expectPay);
});

describe("the table of currency marks", () => {
  it("maps every mark to ISO 4217 codes, and every shared mark lists each currency it can be", () => {
    for (const [mark, entry] of Object.entries(CURRENCY_MARKS)) {
      expect(entry.codes.length, mark).toBeGreaterThan(0);
      for (const code of entry.codes) expect(code, mark).toMatch(/^[A-Z]{3}$/);
      if (entry.fallback !== undefined) expect(entry.codes, mark).toContain(entry.fallback);
    }
  });

  it("reads each single-currency mark before a figure as its code", () => {
    for (const [mark, entry] of Object.entries(CURRENCY_MARKS)) {
      if (entry.codes.length !== 1 || entry.at === "after") continue;
      const text = `Salary: ${mark}${/^[A-Z]{3}$/.test(mark) ? " " : ""}90,000 - ${mark}${/^[A-Z]{3}$/.test(mark) ? " " : ""}120,000 per year`;
      expect(extractSalary(text)?.currency, text).toBe(entry.codes[0]);
    }
  });

  it("keeps every range of a posting with several currencies apart", () => {
    const all = extractSalaries("US: $150,000 - $180,000 USD. Canada: $140,000 - $170,000 CAD. UK: £90,000 - £110,000.");
    expect(all.map((s) => s.currency)).toEqual(["USD", "CAD", "GBP"]);
  });
});

describe("the README's table of marks", () => {
  it("lists every mark read", async () => {
    const { readFileSync } = await import("node:fs");
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const table = readme.slice(readme.search(/\|\s*Mark\s*\|\s*Where\s*\|/), readme.indexOf("## Seniority"));
    expect(table.length).toBeGreaterThan(0);
    for (const mark of Object.keys(CURRENCY_MARKS)) expect(table, mark).toContain(`\`${mark}\``);
  });
});

describe("the issue's examples through classify", () => {
  it("reads Greenhouse's pay-range block, figures in separate spans, as CAD", () => {
    const html =
      '<p>Train and deploy models with PyTorch.</p><div class="pay-range"><span>$160,000</span><span class="divider">&mdash;</span><span>$200,000 CAD</span></div>';
    const stated = classify({ title: "Machine Learning Engineer", html }).salary.stated!;
    expect([stated.min, stated.max, stated.currency, stated.period]).toEqual([160000, 200000, "CAD", "year"]);
    expect(html.slice(stated.start, stated.end)).toBe(stated.text);
  });

  it("annualizes an hourly range with a period on each bound", () => {
    const s = extractSalary("$60/hr - $65/hr")!;
    expect([s.annualMin, s.annualMax]).toEqual([124800, 135200]);
  });
});
