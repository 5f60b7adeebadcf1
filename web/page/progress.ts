// One lesson's progress while the page is open: the student's edits (saved as they type) and the
// exercises passed, read from the verdicts that the exercise checks display. A verdict bundle
// carries `application/vnd.course.verdict+json` ({ exercise, status }, lib/exercises/render.ts).
import type { KernelOutput } from "./kernel";
import {
  clearProgress,
  loadProgress,
  saveProgress,
  type LoadedProgress,
  type Progress,
} from "./storage";

export const VERDICT_MIME = "application/vnd.course.verdict+json";

/** The verdict an output carries, or null. */
export function verdictOf(o: KernelOutput): { exercise: string; status: string } | null {
  if (o.output_type !== "display_data" && o.output_type !== "update_display_data") return null;
  const v = o.data[VERDICT_MIME] as { exercise?: unknown; status?: unknown } | undefined;
  if (typeof v !== "object" || v === null) return null;
  if (typeof v.exercise !== "string" || typeof v.status !== "string") return null;
  return { exercise: v.exercise, status: v.status };
}

/** Saves are batched: at most one write per this many milliseconds while typing. */
const SAVE_DELAY_MS = 400;

export class LessonProgress {
  readonly loaded: LoadedProgress;
  private progress: Progress;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Changes not written yet. */
  private dirty = false;
  /** Called after every change of the passed exercises, and when a save fails. */
  onChange: () => void = () => {};
  saveFailed = false;

  constructor(
    private readonly storage: Storage | null,
    private readonly slug: string,
    /** The lesson's exercises, in order. */
    readonly exercises: string[],
  ) {
    this.loaded = loadProgress(storage, slug);
    this.progress = this.loaded.progress;
  }

  /** The student's saved text of a cell, if they changed it. */
  editOf(cellId: string): string | undefined {
    return Object.hasOwn(this.progress.edits, cellId) ? this.progress.edits[cellId] : undefined;
  }

  recordEdit(cellId: string, text: string, original: string): void {
    if (text === original) delete this.progress.edits[cellId];
    else this.progress.edits[cellId] = text;
    this.dirty = true;
    if (this.timer === null) this.timer = setTimeout(() => this.save(), SAVE_DELAY_MS);
  }

  /** Records a verdict; a passed exercise stays passed. True when it is newly passed. */
  recordVerdict(exercise: string, status: string): boolean {
    if (status !== "passed" || this.progress.passed.includes(exercise)) return false;
    this.progress.passed.push(exercise);
    this.dirty = true;
    this.save();
    this.onChange();
    return true;
  }

  /** Exercises of this lesson passed (ids of other lessons' verdicts are not counted). */
  passed(): string[] {
    return this.exercises.filter((id) => this.progress.passed.includes(id));
  }

  /** Writes any pending change now (before the page goes away); an empty record is removed. */
  save(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (!this.dirty) return;
    this.dirty = false;
    const { edits, passed } = this.progress;
    if (Object.keys(edits).length === 0 && passed.length === 0) {
      clearProgress(this.storage, this.slug);
      return;
    }
    const ok = saveProgress(this.storage, this.slug, this.progress);
    if (!ok && !this.saveFailed && this.storage !== null) {
      this.saveFailed = true;
      this.onChange();
    }
  }

  /** Forgets the edits and the passed exercises (Reset lesson). */
  reset(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.dirty = false;
    this.progress = { edits: {}, passed: [] };
    clearProgress(this.storage, this.slug);
    this.onChange();
  }
}
