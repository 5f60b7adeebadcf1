// Math in markdown, as Jupyter reads it: `$…$` and `\(…\)` inline, `$$…$$`, `\[…\]` and
// `\begin{env}…\end{env}` displayed. Math is cut out before the markdown parser runs (so `_` and `*`
// inside it stay TeX), then rendered to HTML by KaTeX at build time and put back.
import katex from "katex";

/** A piece of TeX cut out of markdown. */
export interface MathSpan {
  tex: string;
  display: boolean;
}

/** Markdown with its math replaced by placeholders `MATHxxPHnX`, and the math it held. */
export interface ProtectedMath {
  text: string;
  spans: MathSpan[];
}

const PLACEHOLDER = /MATHxxPH(\d+)X/g;

/** Finds the end of the math that starts at `i` with `open`, or -1 when it is not closed. */
function closeOf(md: string, i: number, open: string): { end: number; close: string } | null {
  const env = /^\\begin\{([a-zA-Z*]+)\}/.exec(md.slice(i));
  const close = env
    ? `\\end{${env[1]}}`
    : ({ $$: "$$", $: "$", "\\(": "\\)", "\\[": "\\]" } as const)[open as "$"];
  let j = i + open.length;
  while (j < md.length) {
    if (md[j] === "\\" && !md.startsWith(close, j)) {
      j += 2;
      continue;
    }
    if (md.startsWith(close, j))
      return j === i + open.length ? null : { end: j + close.length, close };
    // Inline math never spans a blank line.
    if ((open === "$" || open === "\\(") && md.startsWith("\n\n", j)) return null;
    j++;
  }
  return null;
}

function openerAt(md: string, i: number): string | null {
  if (md.startsWith("$$", i)) return "$$";
  if (md[i] === "$") return "$";
  if (md.startsWith("\\(", i) || md.startsWith("\\[", i)) return md.slice(i, i + 2);
  const env = /^\\begin\{[a-zA-Z*]+\}/.exec(md.slice(i, i + 40));
  return env ? env[0] : null;
}

/** Length of the code (fenced block or inline span) that starts at `i`, or 0. */
function codeAt(md: string, i: number): number {
  const fence = /^(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n\1[`~]*[ \t]*(?:\n|$)|$)/;
  if (i === 0 || md[i - 1] === "\n") {
    const m = fence.exec(md.slice(i).replace(/^ {0,3}/, ""));
    if (m) return m[0].length + (md.slice(i).length - md.slice(i).replace(/^ {0,3}/, "").length);
  }
  if (md[i] !== "`") return 0;
  const run = /^`+/.exec(md.slice(i))![0];
  const end = md.indexOf(run, i + run.length);
  return end < 0 ? run.length : end + run.length - i;
}

/**
 * Replaces the math in `md` by placeholders, leaving code blocks and spans and escaped `\$` alone.
 * Example: `protectMath("a $x_1$ b").text` is `"a MATHxxPH0X b"`.
 */
export function protectMath(md: string): ProtectedMath {
  const spans: MathSpan[] = [];
  let out = "";
  let i = 0;
  while (i < md.length) {
    const code = codeAt(md, i);
    if (code > 0) {
      out += md.slice(i, i + code);
      i += code;
      continue;
    }
    if (md[i] === "\\" && md[i + 1] === "$") {
      out += "\\$";
      i += 2;
      continue;
    }
    const open = openerAt(md, i);
    const found = open === null ? null : closeOf(md, i, open);
    if (open === null || found === null) {
      out += md[i];
      i += open === "$$" ? 2 : 1;
      if (open === "$$") out += "$";
      continue;
    }
    const isEnv = open.startsWith("\\begin");
    const tex = isEnv
      ? md.slice(i, found.end)
      : md.slice(i + open.length, found.end - found.close.length);
    if (tex.trim() === "") {
      out += md.slice(i, found.end);
      i = found.end;
      continue;
    }
    spans.push({ tex: tex.trim(), display: open !== "$" && open !== "\\(" });
    out += `MATHxxPH${spans.length - 1}X`;
    i = found.end;
  }
  return { text: out, spans };
}

/**
 * Renders one TeX string with KaTeX (HTML plus MathML for screen readers). Bad TeX does not throw:
 * it is shown in red with KaTeX's message, and reported through `onError`.
 */
export function renderTex(span: MathSpan, onError?: (message: string) => void): string {
  try {
    return katex.renderToString(span.tex, {
      displayMode: span.display,
      throwOnError: true,
      strict: "ignore",
    });
  } catch (e) {
    onError?.(`${(e as Error).message} in ${span.display ? "$$" : "$"}${span.tex}`);
    return katex.renderToString(span.tex, {
      displayMode: span.display,
      throwOnError: false,
      strict: "ignore",
    });
  }
}

/** Puts rendered math back where `protectMath` left placeholders. */
export function restoreMath(
  html: string,
  spans: MathSpan[],
  onError?: (message: string) => void,
): string {
  return html.replace(PLACEHOLDER, (whole, n: string) => {
    const span = spans[Number(n)];
    return span === undefined ? whole : renderTex(span, onError);
  });
}

/** The TeX source in place of each placeholder (for heading slugs and plain-text titles). */
export function mathAsText(text: string, spans: MathSpan[]): string {
  return text.replace(PLACEHOLDER, (whole, n: string) => spans[Number(n)]?.tex ?? whole);
}
