import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classify } from "../src/index.js";
import { titleParts } from "../src/pipeline/title.js";

/** The attribution of the first match whose text is `text`. */
function aboutOf(result: ReturnType<typeof classify>, text: string) {
  return result.evidence.flatMap((e) => e.matches).find((m) => m.text === text)?.about;
}

const company = "We build AI agents for law firms and our platform runs on LangChain.";
const role = "You will build retrieval pipelines with LangChain for our product.";

describe("attribution: whose work a match describes", () => {
  it.each([
    ["company sentence first, no headings", `${company}\n${role}`],
    ["company sentence after the role sentence, no headings", `${role}\n${company}`],
    ["with headings", `About us\n${company}\nWhat you'll do\n${role}`],
  ])("%s: the company's LangChain is context, the role's is the role's", (_, text) => {
    const r = classify({ title: "Software Engineer", text });
    const matches = r.evidence.flatMap((e) => e.matches).filter((m) => m.text === "LangChain");
    expect(matches.map((m) => m.about).sort()).toEqual(["context", "role"]);
    const inCompany = matches.find((m) => m.start < text.indexOf(company) + company.length && m.start >= text.indexOf(company));
    expect(inCompany?.about).toBe("context");
  });

  it.each([
    "Build and ship RAG pipelines over customer documents.",
    "- Fine-tune retrieval with embeddings and a vector database.",
    "Experience with LangChain and the OpenAI API.",
    "You'll own our prompt engineering and LLM evaluation.",
  ])("a duty or requirement is the role's own: %s", (sentence) => {
    const r = classify({ title: "Engineer", text: `Acme is a legal software company.\n${sentence}` });
    const about = r.evidence.flatMap((e) => e.matches).map((m) => m.about);
    expect(about.length).toBeGreaterThan(0);
    expect(about.every((a) => a === "role")).toBe(true);
  });

  it.each(["●", "•", "▪", "+", "-"])("a list item after a %s bullet that opens with a duty verb is the role's, after a company lead", (bullet) => {
    // The bullets ●, • and ▪ end a sentence of their own; "+" and "-" are read as marks before the verb.
    const text = `Acme is a global logistics company. We are trusted by retailers.\n${bullet} Develop ranking models with PyTorch for route planning.\n${bullet} Present results at conferences.\nYou will report to the head of data.`;
    const r = classify({ title: "Engineer", text });
    expect(aboutOf(r, "PyTorch")).toBe("role");
  });

  it.each([
    "     * Train ranking models with PyTorch for route planning.",
    "Training ranking models with PyTorch for route planning.",
    "- Shipping ranking models with PyTorch to production.",
    "Debugging ranking models built with PyTorch.",
  ])("a duty written indented or as a gerund is the role's, after a company lead: %s", (line) => {
    const text = `Acme is a global logistics company. We are trusted by retailers.\n${line}\nYou will report to the head of data.`;
    expect(aboutOf(classify({ title: "Engineer", text }), "PyTorch")).toBe("role");
  });

  it.each([
    ["We need a contractor to add LLM features to our support desk, and to integrate the Claude API.", "LLM"],
    ["Our stack: LangChain, pgvector and the OpenAI API.", "LangChain"],
  ])("a longer cue that opens with a company word is the role's: %s", (sentence, term) => {
    // "we" and "our" alone are the company's; "we need" and "our stack" speak of the role.
    const r = classify({ title: "Engineer", text: `Acme sells support software.\n${sentence}` });
    expect(aboutOf(r, term)).toBe("role");
  });

  it("reads the unheaded lead as the company's pitch until the role is spoken of", () => {
    const text = "Acme builds LLM copilots for insurers.\nThe role\nBuild RAG pipelines.";
    const r = classify({ title: "Engineer", text });
    expect(aboutOf(r, "LLM copilots") ?? aboutOf(r, "copilots")).toBe("context");
    expect(aboutOf(r, "RAG pipelines")).toBe("role");
  });

  it("a term moved from a context sentence into a duty sentence never lowers its role's score", () => {
    const terms = fc.constantFrom(
      "LangChain",
      "RAG pipelines",
      "PyTorch",
      "model training",
      "vector databases",
      "the OpenAI API",
      "Kubeflow",
      "prompt engineering",
    );
    const filler = fc.constantFrom("Python and SQL.", "Kubernetes on AWS.", "Great benefits.", "Remote in Europe.");
    fc.assert(
      fc.property(terms, filler, (term, other) => {
        const asContext = classify({ title: "Engineer", text: `We are a company whose product uses ${term}.\nYou will work with ${other}` });
        const asDuty = classify({ title: "Engineer", text: `We are a company.\nYou will work with ${term} and ${other}` });
        expect(asDuty.scores.ml + asDuty.scores.ai).toBeGreaterThanOrEqual(asContext.scores.ml + asContext.scores.ai);
      }),
      { numRuns: 64 },
    );
  });
});

describe("titles: the role noun decides, a qualifier names the team", () => {
  it.each([
    ["Machine Learning Engineer, Marketing", ["machine learning engineer"]],
    ["Technical Recruiter, Machine Learning", ["technical recruiter"]],
    ["Engineering Manager, ML Platform", ["engineering manager"]],
    ["Acme | Senior ML Engineer | Remote", ["senior ml engineer"]],
    ["Senior Sales Engineer - AI Platform", ["senior sales engineer"]],
    ["Machine Learning", ["machine learning"]],
  ])("%s: head %j", (title, heads) => {
    const lower = title.toLowerCase();
    expect(
      titleParts(lower)
        .filter((p) => p.head)
        .map((p) => lower.slice(p.start, p.end).trim()),
    ).toEqual(heads);
  });

  const mlBody =
    "What you'll do\n- Train and evaluate deep learning models in PyTorch.\n- Build feature pipelines and model serving with Triton.\n- Run distributed training on GPU clusters.";
  const aiProductBody =
    "What you'll do\n- Own the roadmap for our RAG assistant and LLM agents.\n- Work with customers and engineers on prompt engineering and evaluation of the assistant.\n- Define go-to-market for AI features.";

  it("a qualifier naming another field does not outweigh an ML role noun", () => {
    expect(classify({ title: "Machine Learning Engineer, Marketing", text: mlBody }).label).toBe("ml-engineer");
  });

  it.each([
    "Technical Recruiter, Machine Learning",
    "Product Manager, AI Features",
    "Senior Sales Engineer, AI Platform",
    "Business Development Manager, Generative AI",
    "QA Engineer - LLM Platform",
    "Security Engineer, AI Infrastructure",
    "Site Reliability Engineer, ML Platform",
    "Data Analyst, AI Products",
  ])("%s over a body about the product is neither", (title) => {
    const r = classify({ title, text: aiProductBody });
    expect(r.label).toBe("neither");
  });

  it.each([
    ["Machine Learning Recruiter", "Machine Learning", "context"],
    ["Senior Associate - AI Platform Security Engineer", "AI Platform", "context"],
    ["GenAI Site Reliability Engineer", "GenAI", "context"],
    // No other kind of role's noun last: the ML/AI words name the role.
    ["ML Platform Engineer", "ML Platform", "role"],
    ["Senior Machine Learning Engineer", "Machine Learning Engineer", "role"],
    // An ML/AI role noun of its own is a role, whatever follows it.
    ["AI Engineer / Product Manager", "AI Engineer", "role"],
  ])("%s: %s before the head noun is the %s's", (title, term, about) => {
    expect(aboutOf(classify({ title, text: "You will work with the platform team." }), term)).toBe(about);
  });

  it("an ML/AI modifier of another kind of role's noun does not keep the body's evidence from being damped", () => {
    // Without the modifier rule, "Machine Learning" in the title made this an ML role and the body counted fully.
    const modifier = classify({ title: "Machine Learning Recruiter", text: mlBody });
    const qualifier = classify({ title: "Recruiter, Machine Learning", text: mlBody });
    expect(modifier.scores).toEqual(qualifier.scores);
  });

  it("an AI title over a body that describes no ML or AI work is neither, thin evidence", () => {
    const r = classify({
      title: "Lead AI Developer",
      text: "What you'll do\n- Automate invoice workflows with scripts and spreadsheets.\n- Maintain our internal tools in Python.\n- Support colleagues with reporting.",
    });
    expect(r.label).toBe("neither");
    expect(r.reason).toBe("thin-evidence");
  });
});

describe("posts that list several roles", () => {
  const post = [
    "Acme (YC W24) | Multiple roles | Remote",
    "We build AI agents for accountants using LLMs, RAG and LangChain.",
    "Senior Backend Engineer (Go, Postgres)",
    "Frontend Engineer (React, TypeScript)",
    "Machine Learning Engineer (PyTorch)",
    "Apply at acme.example/jobs",
  ].join("\n");

  it("are reported with their role titles, and are neither when the ML/AI role is not the main subject", () => {
    const r = classify(post);
    expect(r.multiRole).toBe(true);
    expect(r.label).toBe("neither");
    expect(r.reason).toBe("multi-role");
    expect(r.roles.map((s) => s.text)).toEqual(expect.arrayContaining(["Senior Backend Engineer", "Frontend Engineer", "Machine Learning Engineer"]));
    for (const span of r.roles) expect(post.slice(span.start, span.end)).toBe(span.text);
  });

  it("reads a listed role whose team follows a comma", () => {
    const listed =
      "Acme | Multiple roles | Boston\nWe're hiring for:\n- Backend Engineer (Go)\n- Technical Recruiter\n- ML Engineer, Perception (train detection models)\n";
    const r = classify(listed);
    expect(r.roles.map((s) => s.text)).toEqual(["Backend Engineer", "Technical Recruiter", "ML Engineer"]);
  });

  it.each([
    "Hiring: Senior Backend Engineer (Go), Embedded Firmware Engineer, ML Engineer (perception), Technical Program Manager.",
    "We're hiring a Senior Backend Engineer, an ML Engineer and a Product Designer.",
  ])("reads the roles a hiring sentence lists: %s", (sentence) => {
    const text = `Acme | Remote\n${sentence} We build warehouse robots; the ML engineer trains perception models in PyTorch.`;
    const r = classify(text);
    expect(r.multiRole).toBe(true);
    expect(r.label).toBe("neither");
    expect(r.roles.map((s) => s.text)).toContain("ML Engineer");
    for (const span of r.roles) expect(text.slice(span.start, span.end)).toBe(span.text);
  });

  it("a hiring sentence whose list holds anything but role titles names no roles", () => {
    const r = classify({
      title: "ML Engineer",
      text: "We're hiring an ML Engineer to work with our product managers and designers. You will train ranking models in PyTorch.",
    });
    expect(r.multiRole).toBe(false);
    expect(r.label).toBe("ml-engineer");
  });

  it("a post about one role is not multi-role", () => {
    const r = classify({
      title: "Senior ML Engineer",
      text: "What you'll do\n- Train ranking models in PyTorch.\n- Work with product managers and data scientists.",
    });
    expect(r.multiRole).toBe(false);
    expect(r.roles).toEqual([]);
  });

  it("several ML/AI roles are labelled by their evidence", () => {
    const r = classify({
      title: "Acme | ML Engineers & Applied Scientists | Remote",
      text: "What you'll do\n- Train and evaluate deep learning models in PyTorch.\n- Run distributed training on GPU clusters.",
    });
    expect(r.multiRole).toBe(true);
    expect(r.label).toBe("ml-engineer");
  });
});
