// The exporter under bad conditions: a truncated executed notebook, an output folder under a
// regular file, a full disk (a filled tmpfs). Each is refused with a message naming the file.
// (Missing input and unknown lessons: tests/export/export.test.ts.)
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportSite } from "../../tools/export/export";

const FIXTURES = "tests/fixtures/executed/notebooks";
const ART = `test-artifacts/reliability-export-${process.pid}`;
const FULL = join(ART, "full-disk");
let fullDisk = false;

beforeAll(() => {
  mkdirSync(join(ART, "truncated"), { recursive: true });
  writeFileSync(join(ART, "a-file"), "a regular file where a folder should be\n");
  const text = readFileSync(join(FIXTURES, "00-prose-math-text.ipynb"), "utf8");
  writeFileSync(join(ART, "truncated", "00-prose-math-text.ipynb"), text.slice(0, 500));
  mkdirSync(FULL, { recursive: true });
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", FULL], { stdio: "ignore" });
    fullDisk = true;
    for (let i = 0; ; i++) writeFileSync(join(FULL, `filler-${i}`), Buffer.alloc(4096, 1));
  } catch {
    // not root (no mount), or the disk is now full
  }
});

afterAll(() => {
  if (fullDisk) execFileSync("umount", [FULL]);
  rmSync(ART, { recursive: true, force: true });
});

describe("exportSite under bad conditions", () => {
  it("a truncated executed notebook: 'not valid JSON', naming the file", async () => {
    await expect(
      exportSite({ input: join(ART, "truncated"), output: join(ART, "site") }),
    ).rejects.toThrow(/export: .*truncated\/00-prose-math-text\.ipynb is not valid JSON/);
  });

  it("an output folder under a regular file: the error names the path", async () => {
    const input = join(ART, "one");
    mkdirSync(input, { recursive: true });
    copyFileSync(
      join(FIXTURES, "00-prose-math-text.ipynb"),
      join(input, "00-prose-math-text.ipynb"),
    );
    await expect(exportSite({ input, output: join(ART, "a-file", "site") })).rejects.toThrow(
      /(ENOTDIR|EEXIST).*a-file/,
    );
  });

  it("a full disk: ENOSPC naming the file being written", async (ctx) => {
    if (!fullDisk) ctx.skip(); // mounting a tmpfs needs root; CI and the dev machines run as root
    await expect(exportSite({ input: FIXTURES, output: join(FULL, "site") })).rejects.toThrow(
      /ENOSPC.*full-disk\/site/,
    );
  });
});
