// Which executed notebooks are the course's own. Their HTML outputs (verdict boxes, tables, plotly)
// are kept as they are; any other notebook's are sanitised and nothing from it runs in the site.
// The rule: an executed notebook is the course's own only when a committed lesson (or solution)
// under notebooks/ has the same name and the same code cells, so a student's edited copy, or any
// notebook from elsewhere, is untrusted automatically. `--trust` / `--untrusted` force either mode.
import { spawnSync } from "node:child_process";
import { joinText, type Notebook } from "./notebook";
import { checkNotebook } from "./validate";

/** `auto` (the rule above), or every notebook trusted, or none. */
export type TrustMode = "auto" | "trusted" | "untrusted";

/** The decision for one executed notebook, with the reason the exporter prints. */
export interface TrustDecision {
  trusted: boolean;
  reason: string;
}

/** The code cells' sources, in order: what decides whether two notebooks run the same code. */
export function codeSources(nb: Notebook): string[] {
  return nb.cells.filter((c) => c.cell_type === "code").map((c) => joinText(c.source));
}

/** The committed text of `file` (relative to `root`) at HEAD, or an explanation of why there is none. */
function committed(root: string, file: string): { text: string } | { why: string } {
  const git = spawnSync("git", ["cat-file", "blob", `HEAD:${file}`], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (git.error !== undefined) return { why: `git is not available (${git.error.message})` };
  if (/not a git repository/i.test(git.stderr))
    return { why: "the project is not a git repository, so no lesson is known as committed" };
  if (git.status !== 0) return { why: `${file} is not a committed lesson` };
  return { text: git.stdout };
}

/**
 * Decides whether the executed notebook `executed`, the copy of `source` (a path under the project's
 * `notebooks/`, e.g. `notebooks/solutions/03-xor.ipynb`), is the course's own: `source` is committed
 * in the repository at `root` and its code cells are exactly those of `executed`.
 * Example: `decideTrust("auto", nb, "notebooks/01-neuron.ipynb", projectRoot())`.
 */
export function decideTrust(
  mode: TrustMode,
  executed: Notebook,
  source: string,
  root: string,
): TrustDecision {
  if (mode === "trusted") return { trusted: true, reason: "--trust" };
  if (mode === "untrusted") return { trusted: false, reason: "--untrusted" };
  const found = committed(root, source);
  if ("why" in found) return { trusted: false, reason: found.why };
  let lesson: Notebook;
  try {
    lesson = checkNotebook(JSON.parse(found.text), source).notebook;
  } catch {
    return { trusted: false, reason: `the committed ${source} is not a notebook` };
  }
  const ours = codeSources(lesson);
  const theirs = codeSources(executed);
  const same = ours.length === theirs.length && ours.every((code, i) => code === theirs[i]);
  return same
    ? { trusted: true, reason: `the course's own ${source}` }
    : { trusted: false, reason: `its code differs from the committed ${source}` };
}
