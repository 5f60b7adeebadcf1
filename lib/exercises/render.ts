/**
 * Shows a verdict as a coloured box (text/html) with a plain-text twin (text/plain), through
 * lib/show's `displayBundle`: ✓ passed (green), ✗ failed (red), ! invalid (orange),
 * ○ not attempted yet (grey).
 */
import { displayBundle, isInKernel, type MimeBundle } from "../show/display";
import type { Verdict, VerdictStatus } from "./types";

const LOOK: Record<
  VerdictStatus,
  { mark: string; label: string; colour: string; background: string }
> = {
  passed: { mark: "✓", label: "passed", colour: "#2e7d32", background: "#e8f5e9" },
  failed: { mark: "✗", label: "not yet right", colour: "#c62828", background: "#ffebee" },
  invalid: { mark: "!", label: "not a valid answer", colour: "#a84300", background: "#fff3e0" },
  "not-attempted": {
    mark: "○",
    label: "not attempted yet",
    colour: "#616161",
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

/**
 * The machine-readable twin of a verdict, read by the runnable site pages to keep the student's
 * progress (front ends that do not know the type ignore it).
 */
export const VERDICT_MIME = "application/vnd.course.verdict+json";

/** The verdict as a MIME bundle: a coloured HTML box, its plain-text twin, and `{ exercise, status }`. */
export function verdictBundle(v: Verdict): MimeBundle {
  const look = LOOK[v.status];
  const rows: string[] = [];
  if (v.case !== undefined && v.status !== "passed") {
    const row = (k: string, x?: string) =>
      x === undefined
        ? ""
        : `<tr><th style="text-align:left;padding-right:8px">${k}</th><td><code>${escapeHtml(x)}</code></td></tr>`;
    rows.push(
      row("case", v.case.name),
      row("call", v.case.input),
      row("expected", v.case.expected),
      row("got", v.case.got),
    );
  }
  const table = rows.length > 0 ? `<table style="margin-top:4px">${rows.join("")}</table>` : "";
  const stuck =
    v.status === "failed" || v.status === "invalid"
      ? `<div style="margin-top:4px;color:#555">Stuck? Run <code>dl.hint("${escapeHtml(v.exercise)}")</code>.</div>`
      : "";
  const html =
    `<div class="dl-verdict dl-verdict-${v.status}" style="border-left:4px solid ${look.colour};background:${look.background};color:#1f2328;padding:6px 10px;margin:4px 0;font-family:sans-serif">` +
    `<b style="color:${look.colour}">${look.mark} ${escapeHtml(v.exercise)}: ${look.label}</b> <span style="color:#555">(${escapeHtml(v.title)})</span>` +
    `<div>${escapeHtml(v.message)}</div>${table}${stuck}</div>`;
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

/** Escapes `& < > "` for HTML text and attributes. */
export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
