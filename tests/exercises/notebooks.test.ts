// The lessons use the exercises as the framework expects (lib/exercises/README.md): every tagged
// exercise cell names a known exercise of its lesson, holds the dl.todo() stub, declares the name
// the solution replaces and calls the check; every exercise of a written lesson appears in it.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exercises } from "../../lib/exercises/catalog";
import type { Exercise } from "../../lib/exercises/types";

interface Cell {
  cell_type: string;
  source: string | string[];
  metadata?: { tags?: string[]; course?: { exercise?: string } };
}

const DIR = path.join(process.cwd(), "notebooks");
const lessons = fs
  .readdirSync(DIR)
  .filter((f) => /^\d\d-.*\.ipynb$/.test(f))
  .sort();
const byCheck = Object.entries(exercises) as [string, Exercise][];

function cellsOf(
  file: string,
): { text: string; exercise?: string; tagged: boolean; code: boolean }[] {
  const cells = (JSON.parse(fs.readFileSync(path.join(DIR, file), "utf8")) as { cells: Cell[] })
    .cells;
  return cells.map((c) => ({
    text: Array.isArray(c.source) ? c.source.join("") : c.source,
    exercise: c.metadata?.course?.exercise,
    tagged: (c.metadata?.tags ?? []).includes("exercise"),
    code: c.cell_type === "code",
  }));
}

describe.each(lessons)("%s", (file) => {
  const cells = cellsOf(file);
  const lesson = file.slice(0, 2);

  it("every tagged code cell names an exercise of this lesson, stubs it and calls its check", () => {
    for (const [index, cell] of cells.entries()) {
      if (!cell.code || !cell.tagged) continue;
      const where = `${file} cell ${index + 1}`;
      expect(cell.exercise, `${where}: metadata.course.exercise`).toMatch(
        new RegExp(`^${lesson}-`),
      );
      const entry = byCheck.find(([, e]) => e.id === cell.exercise);
      expect(entry, `${where}: ${cell.exercise} is not in lib/exercises/catalog.ts`).toBeDefined();
      const [name, exercise] = entry as [string, Exercise];
      expect(cell.text, where).toContain("dl.todo()");
      expect(cell.text, where).toMatch(
        new RegExp(`\\b(const|let|function|class)\\s+${exercise.answer}\\b`),
      );
      const call =
        exercise.kind === "prediction" ? `dl.predict("${exercise.id}"` : `dl.check.${name}(`;
      expect(cell.text, where).toContain(call);
    }
  });

  it("every exercise of the lesson has its cell, and a prediction is revealed by its check later", () => {
    for (const [name, exercise] of byCheck.filter(([, e]) => e.id.startsWith(`${lesson}-`))) {
      const at = cells.findIndex((c) => c.exercise === exercise.id);
      expect(at, `${file} has no exercise cell for ${exercise.id}`).toBeGreaterThanOrEqual(0);
      if (exercise.kind !== "prediction") continue;
      const reveal = cells.findIndex(
        (c, i) => i > at && c.code && c.text.includes(`dl.check.${name}(`),
      );
      expect(
        reveal,
        `${file}: no cell after the prediction calls dl.check.${name}`,
      ).toBeGreaterThan(at);
    }
  });
});
