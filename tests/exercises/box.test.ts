// The exercise boxes' markup (lib/exercises/box.ts): `code` spans of a message become <code>,
// everything is escaped, and a verdict, a hint and a prediction are each one box whose every
// element sets its colour and its background (so no host theme gives light text on a light box).
import { describe, expect, it } from "vitest";
import { box, code, HINT, inlineCode } from "../../lib/exercises/box";
import { verdictBundle } from "../../lib/exercises/render";

describe("inlineCode(text)", () => {
  it.each([
    ["use `x.tanh()` here", /^use <code class="dl-code" style="[^"]+">x\.tanh\(\)<\/code> here$/],
    ["`a < b` & `c`", /^<code[^>]*>a &lt; b<\/code> &amp; <code[^>]*>c<\/code>$/],
    ["no code <b>", /^no code &lt;b&gt;$/],
    ["an unpaired ` backtick `stays` as text", /^an unpaired ` backtick `stays` as text$/],
    [
      '`"><script>x()</script>`',
      /^<code[^>]*>&quot;&gt;&lt;script&gt;x\(\)&lt;\/script&gt;<\/code>$/,
    ],
  ])("inlineCode(%j)", (text, html) => {
    expect(inlineCode(text)).toMatch(html);
  });

  it("code(text) sets its colour and background, and escapes", () => {
    expect(code("a<b")).toMatch(
      /^<code class="dl-code" style="color:#1f2328;background:rgba\([^"]*">a&lt;b<\/code>$/,
    );
  });
});

describe("box(kind, look, html) and the verdict box", () => {
  it("a box sets text colour, background and accent together", () => {
    expect(box("dl-hint", HINT, "x")).toBe(
      '<div class="dl-box dl-hint" style="color:#1f2328;background:#e3f2fd;border-left:4px solid #0d47a1;padding:6px 10px;margin:4px 0;font-family:sans-serif">x</div>',
    );
  });

  it("a failed verdict shows its message's code spans as code, never literal backticks", () => {
    const html = verdictBundle({
      exercise: "05-tanh-backward",
      title: "tanh",
      status: "failed",
      message: "Your op forgets its parent: `x.tanh()` must link to `x`.",
    })["text/html"] as string;
    expect(html).not.toContain("`");
    expect(html).toMatch(
      /forgets its parent: <code class="dl-code"[^>]*>x\.tanh\(\)<\/code> must link to <code/,
    );
    expect(html).toMatch(/^<div class="dl-box dl-verdict dl-verdict-failed"/);
  });
});
