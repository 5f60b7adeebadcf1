/**
 * Shows a verdict as a coloured box (text/html) with a plain-text twin (text/plain), through
 * lib/show's `displayBundle`: ✓ passed (green), ✗ failed (red), ! invalid (orange),
 * ○ not attempted yet (grey). The box is readable in every host theme (see box.ts); `code` spans
 * of the message show as code.
 */
import { displayBundle, isInKernel, type MimeBundle } from "../show/display";
import { box, code, inlineCode, inside, MUTED, TEXT, title, escapeHtml, type BoxLook } from "./box";
import type { Verdict, VerdictStatus } from "./types";

export { escapeHtml } from "./box";

const LOOK: Record<VerdictStatus, BoxLook & { mark: string; label: string }> = {
  passed: { mark: "✓", label: "passed", accent: "#1b5e20", background: "#e8f5e9" },
  failed: { mark: "✗", label: "not yet right", accent: "#b71c1c", background: "#ffebee" },
  invalid: { mark: "!", label: "not a valid answer", accent: "#8a4b00", background: "#fff3e0" },
  "not-attempted": {
    mark: "○",
    label: "not attempted yet",
    accent: "#424242",
    background: "#f5f5f5",
  },
};

/** The verdict's lines as plain text (the `text/plain` of the box). */
export function verdictText(v: Verdict): string {
  const look = LOOK[v.status];
  const lines = [`${look.mark} ${v.exercise} (${v.title}): ${look.label}. ${v.message}`];
  if (v.case?.expected !== undefined && v.status !== "passed") {
    lines.push(`  case "${v.case.name}": expected ${v.case.expected}, got ${v.case.got}`);
  }
  if (v.status === "failed" || v.status === "invalid")
    lines.push(`  Stuck? dl.hint("${v.exercise}")`);
  return lines.join("\n");
}

/** The case table of a failed verdict: one row per known part, every cell with its own colours. */
function caseTable(v: Verdict): string {
  if (v.case === undefined || v.status === "passed") return "";
  const cell = `${inside(TEXT, "text-align:left;border:none;padding:1px 8px 1px 0")}`;
  const row = (k: string, x?: string) =>
    x === undefined
      ? ""
      : `<tr ${inside(TEXT)}><th ${cell}>${k}</th><td ${cell}>${code(x)}</td></tr>`;
  const rows = [
    row("case", v.case.name),
    row("call", v.case.input),
    row("expected", v.case.expected),
    row("got", v.case.got),
  ];
  return `<table ${inside(TEXT, "margin-top:4px;border-collapse:collapse")}>${rows.join("")}</table>`;
}

/**
 * The machine-readable twin of a verdict, read by the runnable site pages to keep the student's
 * progress (front ends that do not know the type ignore it).
 */
export const VERDICT_MIME = "application/vnd.course.verdict+json";

/** The verdict as a MIME bundle: a coloured HTML box, its plain-text twin, and `{ exercise, status }`. */
export function verdictBundle(v: Verdict): MimeBundle {
  const look = LOOK[v.status];
  const stuck =
    v.status === "failed" || v.status === "invalid"
      ? `<div class="dl-box-muted" ${inside(MUTED, "margin-top:4px")}>Stuck? Run ${code(`dl.hint("${v.exercise}")`)}.</div>`
      : "";
  const html = box(
    `dl-verdict dl-verdict-${v.status}`,
    look,
    `<b ${title(look)}>${look.mark} ${escapeHtml(v.exercise)}: ${look.label}</b> ` +
      `<span class="dl-box-muted" ${inside(MUTED)}>(${escapeHtml(v.title)})</span>` +
      `<div ${inside(TEXT)}>${inlineCode(v.message)}</div>${caseTable(v)}${stuck}`,
  );
  return {
    "text/html": html,
    "text/plain": verdictText(v),
    [VERDICT_MIME]: { exercise: v.exercise, status: v.status },
  };
}

/**
 * Displays the verdict and returns it. In a kernel the box already says everything, so the
 * returned object prints as an empty line when it is a cell's last expression; elsewhere it prints
 * its text.
 */
export function showVerdict(v: Verdict): Verdict {
  displayBundle(verdictBundle(v));
  return quiet(v, isInKernel() ? "" : verdictText(v));
}

/** Returns `value` with a non-enumerable inspector that prints `text` (tests still see plain data). */
export function quiet<T extends object>(value: T, text: string): T {
  return Object.defineProperty({ ...value }, Symbol.for("nodejs.util.inspect.custom"), {
    value: () => text,
    enumerable: false,
  });
}
