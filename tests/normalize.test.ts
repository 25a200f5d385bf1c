import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classify, InputError } from "../src/index.js";
import { looksLikeHtml, lowercaseSameLength, normalize, normalizeHtml, plainField } from "../src/pipeline/01-normalize.js";
import { segment } from "../src/pipeline/02-segment.js";
import { foldWhitespace } from "../src/pipeline/patterns.js";
import { lowerOf, spanOf, textOf } from "../src/pipeline/field.js";
import { checkPosting, DEFAULT_MAX_INPUT_LENGTH } from "../src/posting.js";

describe("HTML normalization", () => {
  it("keeps block boundaries, decodes entities and drops script and style content", () => {
    const n = normalizeHtml(
      "<h2>About&nbsp;us</h2><p>We  build\n things.</p><ul><li>A &amp; B</li><li>C</li></ul><script>var llm = 1</script><style>p{}</style>",
    );
    expect(n.text).toBe("About us\nWe build things.\nA & B\nC\n");
  });

  it("maps every character back to the source range it came from", () => {
    const html = "<p>Fine&#45;tuning &amp; RAG</p>";
    const n = normalizeHtml(html);
    const start = n.text.indexOf("Fine-tuning &");
    const span = n.toSource(start, start + "Fine-tuning &".length);
    expect(html.slice(span.start, span.end)).toBe("Fine&#45;tuning &amp;");
  });

  it("survives unclosed and deeply nested markup", () => {
    const deep = "<div>".repeat(5000) + "LangChain agents" + "<p>unclosed <b>bold";
    const n = normalizeHtml(deep);
    expect(n.text).toContain("LangChain agents");
  });

  it("reads a string body as HTML only when it has HTML markup", () => {
    expect(looksLikeHtml("<p>hello</p>")).toBe(true);
    expect(looksLikeHtml("salary &amp; benefits")).toBe(true);
    expect(looksLikeHtml("if a < b and c > d")).toBe(false);
    const r = classify("<p>AI Engineer</p><ul><li>Build RAG pipelines with LangChain</li></ul>");
    expect(r.evidence.find((e) => e.id === "ai.agent-frameworks")?.matches[0]?.text).toBe("LangChain");
  });

  it("lowercases without changing the length", () => {
    const text = "İstanbul ML ẞ";
    expect(lowercaseSameLength(text)).toHaveLength(text.length);
  });

  it("spells Unicode word hyphens as ASCII hyphens, so hyphenated terms match however they were typed", () => {
    expect(lowercaseSameLength("LLM\u2011based RAG, retrieval\u2010augmented")).toBe("llm-based rag, retrieval-augmented");
    const r = classify("Engineer\nYou will build retrieval\u2011augmented generation over contracts.");
    const match = r.evidence.find((e) => e.id === "ai.rag")?.matches[0];
    // The evidence quotes the input as written.
    expect(match?.text).toBe("retrieval\u2011augmented generation");
  });
});

describe("sections", () => {
  it("cuts the body at the headings it knows", () => {
    const text =
      "We are a startup.\nAbout us\nFounded in 2020.\nWhat you'll do:\n- Build things\nRequirements\n- Python\nNice to have\n- Go\nBenefits\n- Lunch\n";
    const kinds = segment(plainField(text)).map((s) => s.kind);
    expect(kinds).toEqual(["intro", "about", "role", "requirements", "preferred", "benefits"]);
  });

  it.each([
    ["Job summary:", "role"],
    ["Responsibilities include:", "role"],
    ["In this role, you will:", "role"],
    ["What you'll be working on", "role"],
    ["What success looks like in this role:", "role"],
    ["Technical skills:", "requirements"],
    ["Education and experience:", "requirements"],
    ["What makes you a great fit:", "requirements"],
    ["Desirable skills:", "preferred"],
    ["Bonus points for:", "preferred"],
    ["The following are a plus, but not required:", "preferred"],
    ["What we can offer:", "benefits"],
  ])("reads %j as a %s heading", (heading, kind) => {
    const text = `Acme makes route planning software.\n${heading}\n- Python and SQL\n`;
    expect(segment(plainField(text)).map((s) => s.kind)).toEqual(["intro", kind]);
  });

  it("recognizes a heading at the start of a line that goes on after a colon", () => {
    const text = "Responsibilities: build agents\nQualifications: Python\n";
    expect(segment(plainField(text)).map((s) => s.kind)).toEqual(["role", "requirements"]);
  });

  it("sections cover the body exactly, in order", () => {
    const text = "Intro\nAbout us\nx\nRequirements\ny";
    const sections = segment(plainField(text));
    expect(sections[0]!.start).toBe(0);
    expect(sections.at(-1)!.end).toBe(text.length);
    for (const [i, s] of sections.slice(1).entries()) expect(s.start).toBe(sections[i]!.end);
  });
});

describe("input errors", () => {
  it.each([
    [42, "(posting)"],
    [null, "(posting)"],
    [["text"], "(posting)"],
    [{ text: 7 }, "text"],
    [{ id: {}, text: "x" }, "id"],
    [{}, "(posting)"],
  ])("%j is an InputError naming %s", (input, field) => {
    try {
      classify(input as never);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).code).toBe("INPUT_INVALID");
      expect((error as InputError).field).toBe(field);
    }
  });

  it("input over the size limit is INPUT_TOO_LARGE, and the limit can be raised", async () => {
    const { createClassifier } = await import("../src/index.js");
    const big = "LLM ".repeat(300_000);
    expect(() => classify(big)).toThrow(expect.objectContaining({ code: "INPUT_TOO_LARGE" }));
    const r = createClassifier({ maxInputLength: 2_000_000 }).classify(big);
    // Read to its end: the last "LLM" is evidence, as a span of the input.
    const lastEnd = r.evidence.flatMap((e) => e.matches).reduce((end, m) => Math.max(end, m.end), 0);
    expect(lastEnd).toBe(big.length - 1);
  });

  it("empty and whitespace-only postings are neither with nothing to go on", () => {
    for (const text of ["", "   \n\t "]) {
      const r = classify(text);
      expect(r.label).toBe("neither");
      expect(r.reason).toBe("thin-evidence");
      expect(r.evidence).toEqual([]);
    }
  });
});

describe("sections in scraped text", () => {
  it("finds headings glued to the next word", () => {
    const text = "We make maps.About the Role:We need you.Key ResponsibilitiesTrain models.Required SkillsPython.BenefitsLunch.";
    const kinds = segment(plainField(text)).map((s) => s.kind);
    expect(kinds).toEqual(["intro", "role", "role", "requirements", "benefits"]);
  });

  it("marks only the boilerplate sentence as legal, not the whole line", () => {
    const text = "Train ranking models with PyTorch. We are an equal opportunity employer. Deploy them with Triton.";
    const sections = segment(plainField(text));
    const legal = sections.filter((s) => s.kind === "legal").map((s) => text.slice(s.start, s.end).trim());
    expect(legal).toEqual(["We are an equal opportunity employer."]);
    expect(sections.map((s) => s.kind)).toEqual(["other", "legal", "other"]);
  });

  it("reads boilerplate that starts well before the first hint word", () => {
    // LEGAL_BOILERPLATE matches at the phrase's rare letter ("q"), inside it: the sentence is read from its start.
    const text = "Train models.\nDeploy them.\nWe are an Equal Employment Opportunity employer.";
    const legal = segment(plainField(text)).filter((s) => s.kind === "legal");
    expect(legal.map((s) => text.slice(s.start, s.end).trim())).toEqual(["We are an Equal Employment Opportunity employer."]);
  });

  it("a body with no headings is one section of unknown kind", () => {
    const text = "Train models.\nDeploy them.";
    expect(segment(plainField(text)).map((s) => s.kind)).toEqual(["other"]);
  });
});

describe("whitespace folding", () => {
  it("folds every run of whitespace into one space, as a replace of every run does", () => {
    const text = fc.array(fc.constantFrom("a", "b", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "\r\n"), { maxLength: 30 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, (t) => {
        expect(foldWhitespace(t)).toBe(t.replace(/\s+/g, " "));
      }),
      { numRuns: 500 },
    );
  });
});

describe("HTML escaped twice", () => {
  it("is decoded again, with spans still pointing into the original input", async () => {
    const { classify } = await import("../src/index.js");
    const html = "&lt;h2&gt;Responsibilities&lt;/h2&gt;&lt;ul&gt;&lt;li&gt;Build RAG pipelines with LangChain &amp;amp; Pinecone&lt;/li&gt;&lt;/ul&gt;";
    const r = classify({ title: "AI Engineer", html });
    const langchain = r.evidence.flatMap((e) => e.matches).find((m) => m.text === "LangChain");
    expect(langchain?.section).toBe("role");
    const inBody = r.evidence.flatMap((e) => e.matches).filter((m) => m.field === "html");
    expect(inBody.length).toBeGreaterThan(2);
    for (const m of inBody) expect(html.slice(m.start, m.end)).toBe(m.text);
  });
});

describe("stage 1 field values", () => {
  const checked = (posting: Parameters<typeof checkPosting>[0]) => checkPosting(posting, DEFAULT_MAX_INPUT_LENGTH);

  it("a given title is its own value; the body covers all of its text", () => {
    const { title, body } = normalize(checked({ title: "ML Engineer", html: "<p>Train &amp; ship</p>" }), "auto");
    expect(title).toMatchObject({ part: "title", field: "title", from: 0, to: "ML Engineer".length });
    expect(body).toMatchObject({ part: "body", field: "html", from: 0, to: body.norm.text.length });
    expect(textOf(body)).toBe("Train & ship\n");
    expect(spanOf(body, 6, 7)).toEqual({ field: "html", start: 9, end: 14, text: "&amp;" });
  });

  it("without a title, a short first line is the title: both values share one text and split it", () => {
    const source = "Senior ML Engineer\nWe train models.";
    const { title, body } = normalize(checked(source), "auto");
    expect(title!.norm).toBe(body.norm);
    expect(textOf(title!)).toBe("Senior ML Engineer");
    expect([title!.to, body.from]).toEqual([source.indexOf("\n"), source.indexOf("\n")]);
    expect(lowerOf(body)).toBe("\nwe train models.");
  });

  it("a blank title field is no title: the first line of the body is read as one", () => {
    const text = "Junior ML Engineer\nWe train models.";
    for (const blank of ["", "  \t"]) {
      const { title, body } = normalize(checked({ title: blank, text }), "auto");
      expect(title).toMatchObject({ part: "title", field: "text", from: 0, to: text.indexOf("\n") });
      expect(textOf(title!)).toBe("Junior ML Engineer");
      expect(body.from).toBe(text.indexOf("\n"));
    }
  });

  it("a first line that reads as a sentence or a heading stays in the body", () => {
    for (const source of ["We train models.\nMore text", "Requirements\nPython"]) {
      const { title, body } = normalize(checked(source), "auto");
      expect(title).toBeUndefined();
      expect(body.from).toBe(0);
    }
  });
});
