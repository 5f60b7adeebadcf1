// WCAG AA contrast (≥ 4.5:1) of the colours the site and the exercise boxes choose themselves:
// every highlight.js token colour against the code background, light and dark (site.css), and
// every text colour of a verdict, hint or prediction box against that box's background (the
// inline colours every host shows, and the site's dark restyling). axe checks the rendered pages
// too (site.test.ts); this names the colour that fails, for each scheme, without a browser.
import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import { Parser } from "htmlparser2";
import { verdictBundle } from "../../lib/exercises/render";

/** WCAG 2.1 relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const css = (file: string) => fs.readFileSync(`tools/export/static/${file}`, "utf8");
/** The custom properties of the first `:root` block after `marker` in `text`. */
function variables(text: string, marker: string): Record<string, string> {
  const block = text.slice(text.indexOf(marker)).match(/:root\s*{([^}]*)}/)![1];
  return Object.fromEntries(
    [...block.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1], m[2]]),
  );
}

describe("contrast(a, b)", () => {
  it("gives WCAG's ratios: 21 for black on white, 4.54 for #767676 on white", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });
});

describe("code colours (code.css) on the code background (layout.css)", () => {
  const schemes = [
    ["light", variables(css("code.css"), ":root"), variables(css("layout.css"), ":root")],
    [
      "dark",
      variables(css("code.css"), "prefers-color-scheme: dark"),
      variables(css("layout.css"), "prefers-color-scheme: dark"),
    ],
  ] as const;
  it.each(schemes)("%s: every token colour has ≥ 4.5:1", (_scheme, tokens, page) => {
    expect(Object.keys(tokens).length).toBeGreaterThanOrEqual(9);
    const failing = Object.entries(tokens)
      .map(([name, colour]) => [name, colour, contrast(colour, page["--code-bg"])] as const)
      .filter(([, , ratio]) => ratio < 4.5);
    expect(failing).toEqual([]);
  });
});

/** Every element of a box's HTML with its inline colour and background (as the box sets them). */
function colours(html: string): Array<{ tag: string; color?: string; background?: string }> {
  const found: Array<{ tag: string; color?: string; background?: string }> = [];
  const parser = new Parser({
    onopentag(tag, attribs) {
      const style = Object.fromEntries(
        (attribs.style ?? "")
          .split(";")
          .filter((d) => d.includes(":"))
          .map((d) => d.split(":").map((s) => s.trim())),
      );
      found.push({ tag, color: style.color, background: style.background });
    },
  });
  parser.write(html);
  parser.end();
  return found;
}

describe("exercise boxes: colours every host shows", () => {
  const statuses = ["passed", "failed", "invalid", "not-attempted"] as const;
  it.each(statuses)(
    "a %s verdict: text ≥ 4.5:1 on its background, both set on every element",
    (status) => {
      const html = verdictBundle({
        exercise: "99-x",
        title: "T",
        status,
        message: "use `x.tanh()` here",
        case: { name: "c", input: "f(1)", expected: "1", got: "2" },
      })["text/html"] as string;
      const elements = colours(html);
      const box = elements[0].background!;
      expect(elements.filter((e) => e.color === undefined || e.background === undefined)).toEqual(
        [],
      );
      for (const e of elements.slice(1)) {
        expect(e.background === "transparent" || e.background?.startsWith("rgba(")).toBe(true);
        expect({ tag: e.tag, ratio: contrast(e.color!, box) >= 4.5 }).toEqual({
          tag: e.tag,
          ratio: true,
        });
      }
      expect(contrast(elements[0].color!, box)).toBeGreaterThanOrEqual(4.5);
    },
  );
});

describe("exercise boxes in the site's dark scheme (content.css)", () => {
  const text = css("content.css");
  const dark = text.slice(text.indexOf("@media (prefers-color-scheme: dark)"));
  // [class, background, accent] of each `.a, .b { --box-bg: …; --box-accent: …; }` rule.
  const boxes = [
    ...dark.matchAll(
      /((?:\.dl-[\w-]+,?\s*)+){\s*--box-bg:\s*(#\w{6});\s*--box-accent:\s*(#\w{6});/g,
    ),
  ].flatMap((m) =>
    m[1]
      .split(/[\s,.]+/)
      .filter((c) => c !== "")
      .map((c) => [c, m[2], m[3]]),
  );
  const page = variables(css("layout.css"), "prefers-color-scheme: dark");
  it("styles every kind of box, and its text, title and muted text have ≥ 4.5:1", () => {
    expect(boxes.map((b) => b[0])).toEqual(
      expect.arrayContaining(["dl-verdict-passed", "dl-error", "dl-hint", "dl-prediction"]),
    );
    for (const [kind, background, accent] of boxes) {
      for (const [role, colour] of [
        ["text", page["--fg"]],
        ["title", accent],
        ["muted", page["--muted"]],
      ])
        expect({ kind, role, ok: contrast(colour, background) >= 4.5 }).toEqual({
          kind,
          role,
          ok: true,
        });
    }
  });
});
