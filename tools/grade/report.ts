/**
 * What `course grade` writes: `grades.csv` (one row per student, lesson and exercise) and one
 * feedback page per student. Everything in them that came from a submission (the student's folder
 * name, messages quoting their answers, their cells' errors) is untrusted text: escaped in HTML,
 * quoted in CSV, and never allowed to start a spreadsheet formula.
 */
import type { GradedNotebook, GradeLine } from "./grade-notebook";

/** One CSV field: quoted when needed; a leading = + - @ (a formula in a spreadsheet) is neutralised. */
export function csvField(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]./s.test(text) && typeof value === "string") text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The gradebook: `student,lesson,exercise,status,points`, then one row per line. */
export function gradesCsv(lines: readonly GradeLine[]): string {
  const rows = lines.map((l) =>
    [l.student, l.lesson, l.exercise, l.status, l.points].map(csvField).join(","),
  );
  return ["student,lesson,exercise,status,points", ...rows].join("\n") + "\n";
}

/** Text as HTML: & < > " ' escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const MARKS: Record<GradeLine["status"], string> = {
  passed: "✓ passed",
  failed: "✗ failed",
  invalid: "! not a valid answer",
  "not-attempted": "○ not attempted",
  missing: "? missing",
  error: "⚠ could not be graded",
};

/** A student's feedback page: per lesson, each exercise's result, points and message. */
export function feedbackPage(student: string, notebooks: readonly GradedNotebook[]): string {
  const total = notebooks.flatMap((n) => n.lines).reduce((s, l) => s + l.points, 0);
  const max = notebooks.flatMap((n) => n.lines).reduce((s, l) => s + l.maxPoints, 0);
  const sections = notebooks.map((nb) => {
    const rows = nb.lines.map(
      (l) =>
        `<tr class="${l.status}"><td>${escapeHtml(l.exercise)}</td><td>${escapeHtml(l.title)}</td>` +
        `<td>${MARKS[l.status]}</td><td>${l.points} / ${l.maxPoints}</td><td>${escapeHtml(l.message)}</td></tr>`,
    );
    const problems =
      nb.problems.length === 0
        ? ""
        : `<p>Cells of your notebook that failed when it was run for grading:</p>\n<ul>${nb.problems
            .map((p) => `<li><code>${escapeHtml(p)}</code></li>`)
            .join("")}</ul>`;
    return `<section>\n<h2>${escapeHtml(nb.lesson)}</h2>\n<table>\n<thead><tr><th scope="col">exercise</th><th scope="col">title</th><th scope="col">result</th><th scope="col">points</th><th scope="col">feedback</th></tr></thead>\n<tbody>${rows.join("\n")}</tbody>\n</table>\n${problems}\n</section>`;
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Feedback: ${escapeHtml(student)}</title>
<style>
:root { color-scheme: light dark; font-family: system-ui, sans-serif; }
body { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #8888; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
tr.passed td:nth-child(3) { color: #137333; } tr.failed td:nth-child(3), tr.error td:nth-child(3) { color: #b3261e; }
@media (prefers-color-scheme: dark) { tr.passed td:nth-child(3) { color: #81c995; } tr.failed td:nth-child(3), tr.error td:nth-child(3) { color: #f28b82; } }
</style>
</head>
<body>
<main>
<h1>Feedback: ${escapeHtml(student)}</h1>
<p>Total: <strong>${total} / ${max}</strong> points. Each notebook was run again from the top in a fresh kernel, and every exercise was checked, including cases you have not seen.</p>
${sections.join("\n")}
</main>
</body>
</html>
`;
}
