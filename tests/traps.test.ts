import { describe, expect, it } from "vitest";
import { classify } from "../src/index.js";

const counted = (text: string, id: string) => classify(text).evidence.find((e) => e.id === id && e.contribution > 0);

describe("ambiguous words count only with support", () => {
  it.each([
    ["an insurance agent", "Insurance Agent\nYou will be an agent for our clients and call them promptly.", "ai.agent-short"],
    ["a sales pipeline and employee training", "Account Executive\nBuild a sales pipeline. Complete employee training. Serving customers.", "ml.airflow"],
    ["a prompt reply", "Receptionist\nGive prompts to visitors and prompt replies to email.", "ai.prompt-short"],
    ["a rag", "Cleaner\nBring a rag and a bucket.", "ai.rag-short"],
  ])("%s is not AI or ML evidence", (_, text, id) => {
    expect(counted(text, id)).toBeUndefined();
    const r = classify(text);
    expect(r.scores.ml + r.scores.ai).toBe(0);
    expect(r.label).toBe("neither");
  });

  it("an ambiguous AI word counts once an unambiguous AI term is present", () => {
    const text = "AI Engineer\nBuild agents with LangChain and improve RAG answers.";
    expect(counted(text, "ai.agent-short")).toBeDefined();
    expect(counted(text, "ai.rag-short")).toBeDefined();
  });

  it("'go-to-market' and single letters are not languages or evidence", () => {
    const r = classify("Product Marketing Manager\nOwn our go-to-market plan. Use R and C reports.");
    expect(r.label).toBe("neither");
    expect(r.scores.ml + r.scores.ai).toBe(0);
  });
});

describe("company boilerplate weighs less than the work", () => {
  it("an AI-first company hiring a data analyst is neither", () => {
    const text = [
      "Data Analyst",
      "About us",
      "We are an AI-first company building generative AI and large language models for retail.",
      "Responsibilities",
      "- Build dashboards in Tableau and report KPIs.",
      "- Write SQL for ad hoc analysis.",
    ].join("\n");
    expect(classify(text).label).toBe("neither");
  });

  it("people who rate model output or write training data are not engineers, whatever the body says about models", () => {
    const body =
      "Help train AI models: write and review Python, rate answers from large language models and give feedback used for RLHF. Paid per task, flexible hours.";
    for (const title of ["AI Trainer - Python (Remote)", "Freelance Writer, AI Training", "Data Annotator"]) {
      expect(classify({ title, text: body }).label, title).toBe("neither");
    }
    // The same body under an engineering title is not forced to neither.
    expect(classify({ title: "Machine Learning Engineer", text: body }).label).not.toBe("neither");
  });

  it("a company named in the text is not evidence: an observability vendor's name is not LLM evaluation work", () => {
    const result = classify({ title: "Account Executive", text: "Sell Arize to enterprise customers. Arize helps teams see their models." });
    expect(result.evidence.some((e) => e.matches.some((m) => m.text === "Arize"))).toBe(false);
  });

  it("the same AI terms count more under Responsibilities than under About us", () => {
    const about = classify("Engineer\nAbout us\nWe use LangChain and RAG.\nResponsibilities\n- Write code.");
    const work = classify("Engineer\nAbout us\nWe write code.\nResponsibilities\n- Use LangChain and RAG.");
    expect(work.scores.ai).toBeGreaterThan(about.scores.ai);
  });

  it("equal-opportunity statements are not evidence", () => {
    const r = classify("Engineer\nWe are an equal opportunity employer and use machine learning and LLMs everywhere.");
    expect(r.evidence.flatMap((e) => e.matches).every((m) => (m.section === "legal" ? m.weight === 0 : true))).toBe(true);
  });
});

describe("negation", () => {
  it.each(["No prior LLM experience required.", "You will not be training models.", "LLM experience is not required.", "We don't use LangChain."])(
    "%s: the negated term does not count",
    (sentence) => {
      const r = classify(`Engineer\nResponsibilities\n- ${sentence}`);
      const matches = r.evidence.flatMap((e) => e.matches);
      expect(matches.length).toBeGreaterThan(0);
      expect(matches.every((m) => m.negated && m.weight === 0)).toBe(true);
    },
  );

  it("a contrast ends the negation: 'not X, but Y' counts Y", () => {
    const r = classify("Engineer\nResponsibilities\n- Not a research role, but you will build RAG pipelines with LangChain.");
    expect(r.evidence.find((e) => e.id === "ai.agent-frameworks")?.matches[0]?.negated).toBe(false);
  });

  it("negation stays in its sentence", () => {
    const r = classify("Engineer\nResponsibilities\n- No travel required. Build RAG pipelines.");
    expect(r.evidence.find((e) => e.id === "ai.rag")?.matches[0]?.negated).toBe(false);
  });
});

describe("tokens that ordinary word boundaries miss", () => {
  it.each(["Node.js", "W&B", "scikit-learn", "GPT-4o", "fine-tuning", "Weights & Biases"])("%s is matched whole", (token) => {
    const text = `Engineer\nRequirements\n- Experience with ${token} and Python.`;
    const spans = classify(text)
      .evidence.flatMap((e) => e.matches)
      .map((m) => m.text);
    expect(spans).toContain(token);
  });

  it("a custom lexicon matches terms that end in symbols", async () => {
    const { createClassifier } = await import("../src/index.js");
    const c = createClassifier({
      lexicon: { name: "t", version: "1", entries: [{ id: "x.cpp", role: "ml", category: "c", weight: 5, source: "test", terms: ["c++", ".net"] }] },
    });
    const text = "Engineer\nWe use C++ and .NET daily, not c+ or cnet.";
    const r = c.classify(text);
    expect(r.evidence[0]?.matches.map((m) => m.text)).toEqual(["C++", ".NET"]);
  });
});

describe("acronyms that mean something else in benefits", () => {
  it("a PPO health plan and an O1 visa are not ML or AI evidence", () => {
    const r = classify("Office Manager\nBenefits\n- PPO and HMO health plans.\n- We sponsor O1 visas.");
    expect(r.scores.ml + r.scores.ai).toBe(0);
  });
});
