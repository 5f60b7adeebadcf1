/**
 * The live training display that `dl.train.fit` drives: ONE output, updated in place, showing a
 * progress bar (epoch, step, loss, metrics, time left) above the loss curve as it grows. Updates
 * are throttled (at most one every `minIntervalMs` = 150 ms, and at most 20 % of the time spent
 * drawing; always on `finish`) so drawing does not slow training much; the final state stays in the executed notebook. Outside a kernel it prints at most one
 * compact line per epoch (about 20 lines for long runs) and never throws.
 * Kernel → Interrupt stops a training cell without running any of its code (no `catch`, no
 * `finally`), so the display registers with the course's kernel, which calls it back after an
 * interrupt: the output then says where training stopped instead of freezing at "time left".
 *
 * Example:
 *   const live = dl.show.liveTrainingDisplay({ title: "XOR" });
 *   live.update(progress); … live.finish(progress);
 */
import type { TrainingDisplay, TrainingProgress } from "../train/display";
import { isInKernel } from "./display";
import { chart } from "./chart";
import { liveSpec, statusLine, type TrainingState } from "./live-spec";
import { expectOptions } from "../errors";

export type { TrainingProgress };
/** The display `fit` drives (lib/train/display.ts's `TrainingDisplay`). */
export type LiveTrainingDisplay = TrainingDisplay;

/** Options of `liveTrainingDisplay` (`now` and `minIntervalMs` are for tests). */
export interface LiveTrainingOptions {
  title?: string;
  minIntervalMs?: number;
  now?: () => number;
  /** Force kernel (true) or text (false) mode; default: detect. */
  kernel?: boolean;
}

let displays = 0;
const MAX_SAMPLES = 600;

/**
 * The callbacks that the course's kernel (jupyter/kernels/tslab/start-kernel.cjs) runs after
 * Kernel → Interrupt stopped a cell; undefined in any other kernel and outside one.
 */
function interruptListeners(): Set<() => void> | undefined {
  const listeners = (globalThis as Record<symbol, unknown>)[
    Symbol.for("course.kernel.interruptListeners")
  ];
  return listeners instanceof Set ? (listeners as Set<() => void>) : undefined;
}

/** Creates the display (nothing is shown until the first `update`). */
export function liveTrainingDisplay(options: LiveTrainingOptions = {}): LiveTrainingDisplay {
  expectOptions("liveTrainingDisplay", options);
  const kernel = options.kernel ?? isInKernel();
  return kernel ? new KernelDisplay(options) : new TextDisplay(options);
}

/** Fraction of all steps done, in [0, 1]. */
export function progressFraction(p: TrainingProgress): number {
  const total = Math.max(1, p.epochs * Math.max(1, p.stepsPerEpoch));
  const done = (p.epoch - 1) * Math.max(1, p.stepsPerEpoch) + p.step;
  return Math.min(1, Math.max(0, done / total));
}

class KernelDisplay implements LiveTrainingDisplay {
  private readonly id = `dl-live-${Date.now().toString(36)}-${++displays}`;
  private readonly now: () => number;
  private readonly minInterval: number;
  private lastSent = -Infinity;
  /** Time to wait between updates: at least minIntervalMs, and 4× the last drawing time (≤ 20 % overhead). */
  private wait: number;
  private sent = false;
  private samples: { x: number; loss: number }[] = [];
  /** The latest progress, shown as it stands if training is interrupted. */
  private last: TrainingProgress | null = null;
  private readonly onInterrupt = (): void => {
    if (this.last !== null) this.send(this.last, "interrupted");
    interruptListeners()?.delete(this.onInterrupt);
  };

  constructor(private readonly options: LiveTrainingOptions) {
    this.now = options.now ?? Date.now;
    this.minInterval = options.minIntervalMs ?? 150;
    this.wait = this.minInterval;
  }

  update(p: TrainingProgress): void {
    if (this.last === null) interruptListeners()?.add(this.onInterrupt);
    this.record(p);
    if (this.now() - this.lastSent >= this.wait) this.send(p, "running");
  }

  finish(p: TrainingProgress): void {
    interruptListeners()?.delete(this.onInterrupt);
    this.record(p);
    this.send(p, "done");
  }

  private record(p: TrainingProgress): void {
    this.last = p;
    if (!Number.isFinite(p.loss)) return;
    this.samples.push({ x: progressFraction(p) * p.epochs, loss: p.loss });
    // Keep the curve light: when full, keep every other sample.
    if (this.samples.length > MAX_SAMPLES)
      this.samples = this.samples.filter((_, i) => i % 2 === 1);
  }

  private send(p: TrainingProgress, state: TrainingState): void {
    const start = this.now();
    const [done, interrupted] = [state === "done", state === "interrupted"];
    try {
      const options = { title: this.options.title, done, interrupted };
      const description = statusLine(p, state);
      const final = state !== "running"; // the state that stays: with its PNG copy
      chart(liveSpec(p, this.samples, options), {
        description,
        displayId: this.id,
        update: this.sent,
        png: final,
      });
      this.sent = true;
    } catch (e) {
      console.log(`live display: ${e instanceof Error ? e.message : String(e)}`);
    }
    this.lastSent = this.now();
    this.wait = Math.max(this.minInterval, 4 * (this.lastSent - start));
  }
}

class TextDisplay implements LiveTrainingDisplay {
  private printed = 0;

  constructor(private readonly options: LiveTrainingOptions) {}

  update(p: TrainingProgress): void {
    const every = Math.max(1, Math.ceil(p.epochs / 20));
    const epochDone = p.step >= p.stepsPerEpoch;
    if (epochDone && p.epoch > this.printed && (p.epoch % every === 0 || p.epoch === p.epochs)) {
      this.print(p, false);
    }
  }

  finish(p: TrainingProgress): void {
    if (this.printed < p.epoch) this.print(p, true);
  }

  private print(p: TrainingProgress, done: boolean): void {
    this.printed = p.epoch;
    const prefix = this.options.title ? `${this.options.title}: ` : "";
    try {
      console.log(prefix + statusLine(p, done));
    } catch {
      // Printing must never stop training.
    }
  }
}
