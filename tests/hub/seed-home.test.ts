/**
 * deploy/jupyterhub/seed-home.sh, run as the hub runs it (as the student, before their server): the
 * first login copies the lessons and links the engine; later logins never overwrite a student's
 * file; a lesson the instructor changed arrives beside theirs, once; a new lesson is copied in.
 */
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const script = resolve(__dirname, "..", "..", "deploy", "jupyterhub", "seed-home.sh");
const dir = mkdtempSync(join(tmpdir(), "seed-home-"));
const course = join(dir, "course-install");
const home = join(dir, "home");
mkdirSync(join(course, "notebooks", "solutions"), { recursive: true });
mkdirSync(home);
writeFileSync(join(course, "notebooks", "00-welcome.ipynb"), "lesson 0, version 1");
writeFileSync(join(course, "notebooks", "solutions", "00-welcome.ipynb"), "the answers");

/** Runs the script as the hub does (it execs its arguments: here `ls`), returns what `ls` printed. */
const login = (): string =>
  execFileSync(script, ["ls", "course/notebooks"], {
    cwd: home,
    env: { PATH: process.env.PATH, HOME: home, COURSE_DIR: course },
  }).toString();
const notebooks = (): string[] => readdirSync(join(home, "course", "notebooks")).sort();

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("seeding a student's home", () => {
  it("copies the lessons (not the solutions) on first login, links the engine, then runs the server", () => {
    expect(login()).toBe("00-welcome.ipynb\n");
    expect(readFileSync(join(home, "course", "notebooks", "00-welcome.ipynb"), "utf8")).toBe(
      "lesson 0, version 1",
    );
    for (const link of ["dist", "datasets", "node_modules"])
      expect(readlinkSync(join(home, "course", link))).toBe(join(course, link));
  });

  it("never overwrites the student's work, and does not bring back a lesson they deleted", () => {
    writeFileSync(join(home, "course", "notebooks", "00-welcome.ipynb"), "my answers");
    login();
    expect(readFileSync(join(home, "course", "notebooks", "00-welcome.ipynb"), "utf8")).toBe(
      "my answers",
    );
    rmSync(join(home, "course", "notebooks", "00-welcome.ipynb"));
    login();
    expect(notebooks()).toEqual([]);
    writeFileSync(join(home, "course", "notebooks", "00-welcome.ipynb"), "my answers");
  });

  it("puts an updated lesson beside the student's copy, once, and copies a new lesson in", () => {
    writeFileSync(join(course, "notebooks", "00-welcome.ipynb"), "lesson 0, version 2");
    writeFileSync(join(course, "notebooks", "01-neuron.ipynb"), "lesson 1");
    login();
    login();
    const updated = notebooks().filter((name) => name.includes("(updated "));
    expect(updated).toHaveLength(1);
    expect(updated[0]).toMatch(/^00-welcome \(updated \d{4}-\d\d-\d\d\)\.ipynb$/);
    expect(readFileSync(join(home, "course", "notebooks", updated[0]), "utf8")).toBe(
      "lesson 0, version 2",
    );
    expect(readFileSync(join(home, "course", "notebooks", "00-welcome.ipynb"), "utf8")).toBe(
      "my answers",
    );
    expect(readFileSync(join(home, "course", "notebooks", "01-neuron.ipynb"), "utf8")).toBe(
      "lesson 1",
    );
    expect(existsSync(join(home, "course", "notebooks", "solutions"))).toBe(false);
  });
});
