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

/** Closing delimiters of the fixed openers; `\begin{env}` closes with `\end{env}`. */
const CLOSERS: Record<string, string> = { $$: "$$", $: "$", "\\(": "\\)", "\\[": "\\]" };
const BEGIN = /\\begin\{([a-zA-Z*]{1,32})\}/y;
const END = /\\end\{([a-zA-Z*]{1,32})\}/g;
const FENCE = / {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n\1[`~]*[ \t]*(?:\n|$)|$)/y;

/** The first entry of the sorted `list` that is ≥ `from`, or -1. */
function firstAtOrAfter(list: number[] | undefined, from: number): number {
  if (list === undefined) return -1;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length ? list[lo] : -1;
}

/**
 * Where every delimiter of one markdown text is, found in one pass, so that finding the end of each
 * math span is a binary search: an unclosed `\(`, `$`, `$$`, `\[` or `\begin{…}` costs O(log n)
 * instead of a scan to the end of the cell (which made a large cell quadratic). A backslash escapes
 * the character after it, so a delimiter right after an escaping backslash does not count.
 */
class Delimiters {
  private readonly at = new Map<string, number[]>();
  private readonly backticks = new Map<number, number[]>();

  constructor(private readonly md: string) {
    const add = (key: string, k: number): void => {
      const list = this.at.get(key);
      if (list === undefined) this.at.set(key, [k]);
      else list.push(k);
    };
    for (let k = 0; k < md.length; k++) {
      const c = md[k];
      if (c === "\\") {
        if (md[k + 1] === ")" || md[k + 1] === "]") add(md.slice(k, k + 2), k);
        k++; // the escaped character is never a delimiter
      } else if (c === "$") {
        add("$", k);
        if (md[k + 1] === "$") add("$$", k);
      } else if (c === "\n" && md[k + 1] === "\n") add("blank", k);
    }
    // Backticks ignore backslashes (as the markdown parser does for code spans): runs by length.
    for (const m of md.matchAll(/`+/g)) {
      const list = this.backticks.get(m[0].length);
      if (list === undefined) this.backticks.set(m[0].length, [m.index]);
      else list.push(m.index);
    }
    for (const m of md.matchAll(END)) if (!this.escaped(m.index)) add(m[0], m.index);
  }

  /** Whether the character at `k` follows an escaping backslash (an odd run of backslashes). */
  private escaped(k: number): boolean {
    let run = 0;
    while (k - run - 1 >= 0 && this.md[k - run - 1] === "\\") run++;
    return run % 2 === 1;
  }

  /** The end (exclusive) of the math opened at `i` by `open`, or -1 when it is not closed or empty. */
  closeOf(i: number, open: string): number {
    const env = open.startsWith("\\begin") ? /\{(.*)\}/.exec(open)![1] : null;
    const close = env === null ? CLOSERS[open] : `\\end{${env}}`;
    const from = i + open.length;
    const at = firstAtOrAfter(this.at.get(close), from);
    if (at < 0 || at === from) return -1;
    if (open === "$" || open === "\\(") {
      const blank = firstAtOrAfter(this.at.get("blank"), from);
      if (blank >= 0 && blank < at) return -1; // inline math never spans a blank line
    }
    return at + close.length;
  }

  /** The end (exclusive) of the code span whose backtick run starts at `i`, or of the run alone. */
  codeSpanEnd(i: number): number {
    let run = 1;
    while (this.md[i + run] === "`") run++;
    const close = firstAtOrAfter(this.backticks.get(run), i + run);
    return close < 0 ? i + run : close + run;
  }
}

function openerAt(md: string, i: number): string | null {
  if (md.startsWith("$$", i)) return "$$";
  if (md[i] === "$") return "$";
  if (md.startsWith("\\(", i) || md.startsWith("\\[", i)) return md.slice(i, i + 2);
  BEGIN.lastIndex = i;
  return BEGIN.exec(md)?.[0] ?? null;
}

/** Length of the code (fenced block or inline span) that starts at `i`, or 0. */
function codeAt(md: string, i: number, delimiters: Delimiters): number {
  if (i === 0 || md[i - 1] === "\n") {
    FENCE.lastIndex = i;
    const fence = FENCE.exec(md);
    if (fence !== null) return fence[0].length;
  }
  return md[i] === "`" ? delimiters.codeSpanEnd(i) - i : 0;
}

/**
 * Replaces the math in `md` by placeholders, leaving code blocks and spans and escaped `\$` alone.
 * Linear in the length of `md` (up to a log factor), whatever it holds.
 * Example: `protectMath("a $x_1$ b").text` is `"a MATHxxPH0X b"`.
 */
export function protectMath(md: string): ProtectedMath {
  const delimiters = new Delimiters(md);
  const spans: MathSpan[] = [];
  const out: string[] = [];
  let copied = 0; // md[copied, i) is still to be copied to out
  let i = 0;
  while (i < md.length) {
    const code = codeAt(md, i, delimiters);
    if (code > 0) {
      i += code;
      continue;
    }
    if (md[i] === "\\" && md[i + 1] === "$") {
      i += 2;
      continue;
    }
    const open = openerAt(md, i);
    const end = open === null ? -1 : delimiters.closeOf(i, open);
    if (open === null || end < 0) {
      i += open === "$$" ? 2 : 1;
      continue;
    }
    const isEnv = open.startsWith("\\begin");
    const tex = isEnv ? md.slice(i, end) : md.slice(i + open.length, end - CLOSERS[open].length);
    if (tex.trim() !== "") {
      out.push(md.slice(copied, i), `MATHxxPH${spans.length}X`);
      spans.push({ tex: tex.trim(), display: open !== "$" && open !== "\\(" });
      copied = end;
    }
    i = end;
  }
  out.push(md.slice(copied));
  return { text: out.join(""), spans };
}

/**
 * KaTeX's options: no `\href`, `\url`, `\includegraphics` or `\html…` (trust off: TeX from a
 * notebook never makes a link, an image or an attribute), sizes capped, macros bounded.
 */
const KATEX = {
  throwOnError: true,
  strict: "ignore",
  trust: false,
  maxSize: 20,
  maxExpand: 1000,
  output: "htmlAndMathml",
} as const;

/**
 * Renders one TeX string with KaTeX (HTML plus MathML for screen readers). Bad TeX does not throw:
 * it is shown in red with KaTeX's message, and reported through `onError`.
 */
export function renderTex(span: MathSpan, onError?: (message: string) => void): string {
  try {
    return katex.renderToString(span.tex, { ...KATEX, displayMode: span.display });
  } catch (e) {
    onError?.(`${(e as Error).message} in ${span.display ? "$$" : "$"}${span.tex}`);
    return katex.renderToString(span.tex, {
      ...KATEX,
      displayMode: span.display,
      throwOnError: false,
    });
  }
}

/**
 * Puts rendered math back where `protectMath` left placeholders, in a text node's HTML (the sanitiser
 * calls this for text only: math inside an attribute becomes its TeX, by `mathAsText`).
 */
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
