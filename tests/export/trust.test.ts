// Which notebooks are trusted: only an executed copy of a lesson committed under notebooks/ with
// the same code cells (here lesson 0 as committed at HEAD, given a crafted HTML output, as a run
// would add one). An edited copy, any other notebook or `--untrusted` gets the untrusted mode:
// the HTML output is sanitised, its script never reaches the page.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../tools/export/assets";
import { parseExportArgs } from "../../tools/export/cli";
import { exportSite } from "../../tools/export/export";
import type { Notebook } from "../../tools/export/notebook";
import { decideTrust } from "../../tools/export/trust";

const LESSON = "notebooks/00-welcome.ipynb";
const git = spawnSync("git", ["show", `HEAD:${LESSON}`], { cwd: projectRoot(), encoding: "utf8" });
const committed = git.status === 0 ? git.stdout : null;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "export-trust-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const HTML = `<div class="dl-box">a verdict</div><script>window.__ran = 1</script>`;

/** The committed lesson as a run would leave it: its last code cell given an HTML output. */
function executed(edit?: (nb: Notebook) => void): Notebook {
  const nb = JSON.parse(committed!) as Notebook;
  const cell = nb.cells.filter((c) => c.cell_type === "code").at(-1)!;
  cell.execution_count = 1;
  cell.outputs = [
    { output_type: "display_data", data: { "text/html": HTML, "text/plain": "v" }, metadata: {} },
  ];
  edit?.(nb);
  return nb;
}

const codeCell = (nb: Notebook) => nb.cells.find((c) => c.cell_type === "code")!;
const markdownCell = (nb: Notebook) => nb.cells.find((c) => c.cell_type === "markdown")!;

describe.skipIf(committed === null)("decideTrust(mode, executed, source, root)", () => {
  const root = projectRoot();
  it.each([
    [
      "the committed lesson's executed copy",
      executed(),
      "auto",
      true,
      `the course's own ${LESSON}`,
    ],
    [
      "a copy whose prose was edited (the rule is the code)",
      executed((nb) => (markdownCell(nb).source = "# Mine")),
      "auto",
      true,
      `the course's own ${LESSON}`,
    ],
    [
      "a student's edited copy",
      executed((nb) => (codeCell(nb).source = 'import * as dl from "../dist"; // mine')),
      "auto",
      false,
      `its code differs from the committed ${LESSON}`,
    ],
    [
      "a copy with one code cell more",
      executed((nb) =>
        nb.cells.push({ cell_type: "code", source: "1", metadata: {}, outputs: [] }),
      ),
      "auto",
      false,
      `its code differs from the committed ${LESSON}`,
    ],
    ["the committed lesson, --untrusted", executed(), "untrusted", false, "--untrusted"],
  ] as const)("%s: trusted %s", (_name, nb, mode, trusted, reason) => {
    expect(decideTrust(mode, nb, LESSON, root)).toEqual({ trusted, reason });
  });

  it.each([
    ["notebooks/99-none.ipynb", "notebooks/99-none.ipynb is not a committed lesson"],
    ['notebooks/a"b>#?.ipynb', 'notebooks/a"b>#?.ipynb is not a committed lesson'],
  ])("a notebook without a committed lesson (%s) is untrusted", (source, reason) => {
    expect(decideTrust("auto", executed(), source, root)).toEqual({ trusted: false, reason });
    expect(decideTrust("trusted", executed(), source, root)).toEqual({
      trusted: true,
      reason: "--trust",
    });
  });

  it("outside a git repository nothing is known as committed", () => {
    expect(decideTrust("auto", executed(), LESSON, tmp)).toEqual({
      trusted: false,
      reason: "the project is not a git repository, so no lesson is known as committed",
    });
  });
});

describe.skipIf(committed === null)("exportSite: trusted and untrusted pages", () => {
  const exportOne = async (name: string, nb: Notebook, trust?: "trusted" | "untrusted") => {
    const input = path.join(tmp, name, "in");
    fs.mkdirSync(input, { recursive: true });
    fs.writeFileSync(path.join(input, "00-welcome.ipynb"), JSON.stringify(nb, null, 1) + "\n");
    const result = await exportSite({ input, output: path.join(tmp, name, "site"), trust });
    const page = fs.readFileSync(path.join(tmp, name, "site", "00-welcome.html"), "utf8");
    return { result, page, site: path.join(tmp, name, "site") };
  };

  it("the course's own lesson keeps its HTML output whole; its page may run inline scripts", async () => {
    const { result, page, site } = await exportOne("own", executed());
    expect(result.trust.map((t) => t.trusted)).toEqual([true]);
    expect(page).toContain(`<div class="output-html">${HTML}</div>`);
    expect(page).toMatch(/script-src 'self' file: 'unsafe-eval' 'unsafe-inline'/);
    // The download is the committed lesson itself, byte for byte (outputs cleared as committed).
    expect(fs.readFileSync(path.join(site, "notebooks", "00-welcome.ipynb"), "utf8")).toBe(
      committed,
    );
    expect(page).toContain(
      '<a class="related download" href="notebooks/00-welcome.ipynb" download>',
    );
  });

  it.each([
    ["an edited copy", executed((nb) => (codeCell(nb).source = "const mine = 1;")), undefined],
    ["the committed lesson with --untrusted", executed(), "untrusted" as const],
  ])("%s: the output is sanitised and the page runs no inline script", async (name, nb, trust) => {
    const { result, page } = await exportOne(name.replace(/\W+/g, "-"), nb, trust);
    expect(result.trust.map((t) => t.trusted)).toEqual([false]);
    expect(page).toContain('<div class="output-html"><div class="dl-box">a verdict</div></div>');
    expect(page).not.toContain("window.__ran");
    expect(page).toMatch(/script-src 'self' file: 'unsafe-eval';/);
  });
});

describe("parseExportArgs(args): trust", () => {
  it.each([
    [["--trust"], { trust: "trusted" }],
    [["--untrusted", "3"], { trust: "untrusted", lessons: [3] }],
    [["--trust", "--trust"], { trust: "trusted" }],
  ])("parseExportArgs(%j) is %j", (args, options) => {
    expect(parseExportArgs(args)).toEqual(options);
  });
  it("--trust with --untrusted is refused", () => {
    expect(() => parseExportArgs(["--trust", "--untrusted"])).toThrow(
      "course export: --trust and --untrusted exclude each other",
    );
  });
});
