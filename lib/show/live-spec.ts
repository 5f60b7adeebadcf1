/**
 * The picture of the live training display: a status line, a progress bar and the loss curve, as one
 * Vega-Lite spec (so JupyterLab draws it natively and the SVG fallback shows the same).
 *
 * Example:
 *   chart(liveSpec(progress, samples, { done: false }));
 */
import { OKABE_ITO, type VegaLiteSpec, base, round } from "../plot/spec";
import type { TrainingProgress } from "./live-training";

/** `mm:ss` (or `h:mm:ss`). */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "--:--";
  const s = Math.round(seconds);
  const hms = [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60];
  const two = (n: number): string => String(n).padStart(2, "0");
  return hms[0] > 0 ? `${hms[0]}:${two(hms[1])}:${two(hms[2])}` : `${two(hms[1])}:${two(hms[2])}`;
}

function fraction(p: TrainingProgress): number {
  const per = Math.max(1, p.stepsPerEpoch);
  return Math.min(1, Math.max(0, ((p.epoch - 1) * per + p.step) / Math.max(1, p.epochs * per)));
}

/** How far training got: running, finished, or stopped by Kernel → Interrupt. */
export type TrainingState = "running" | "done" | "interrupted";

/**
 * One line: `epoch 3/10 · step 20/20 · loss 0.1234 · accuracy 0.95 · 00:04 elapsed, 00:09 left`;
 * done: `… · done in 00:13`; interrupted: `interrupted in epoch 3/10 after step 5/20 · loss … · after 00:04`.
 * (`done` may be given as a boolean: true is "done", false "running".)
 */
export function statusLine(p: TrainingProgress, state: TrainingState | boolean): string {
  const metrics = Object.entries(p.metrics)
    .map(([k, v]) => ` · ${k} ${round(v)}`)
    .join("");
  const now = state === true ? "done" : state === false ? "running" : state;
  if (now === "interrupted") {
    const where = `interrupted in epoch ${p.epoch}/${p.epochs} after step ${p.step}/${p.stepsPerEpoch}`;
    return `${where} · loss ${round(p.loss)}${metrics} · after ${formatDuration(p.elapsedSeconds)}`;
  }
  const f = fraction(p);
  const left = f > 0 ? (p.elapsedSeconds * (1 - f)) / f : NaN;
  const time =
    now === "done"
      ? `done in ${formatDuration(p.elapsedSeconds)}`
      : `${formatDuration(p.elapsedSeconds)} elapsed, ${formatDuration(left)} left`;
  return `epoch ${p.epoch}/${p.epochs} · step ${p.step}/${p.stepsPerEpoch} · loss ${round(p.loss)}${metrics} · ${time}`;
}

function curveValues(p: TrainingProgress, samples: readonly { x: number; loss: number }[]) {
  const values: { x: number; y: number; series: string }[] = samples.map((s) => ({
    x: round(s.x, 6),
    y: round(s.loss, 6),
    series: "loss (batches)",
  }));
  for (const [key, ys] of Object.entries(p.history)) {
    if (!/loss/i.test(key)) continue;
    ys.forEach((y, i) => {
      if (Number.isFinite(y)) values.push({ x: i + 1, y: round(y, 6), series: `${key} (epoch)` });
    });
  }
  return values;
}

/** The whole display: status title, a progress bar, the loss curve. */
export function liveSpec(
  p: TrainingProgress,
  samples: readonly { x: number; loss: number }[],
  options: { title?: string; done: boolean; interrupted?: boolean },
): VegaLiteSpec {
  const state: TrainingState = options.interrupted
    ? "interrupted"
    : options.done
      ? "done"
      : "running";
  const status = statusLine(p, state);
  const barColor = { running: OKABE_ITO[0], done: OKABE_ITO[2], interrupted: OKABE_ITO[3] }[state];
  const bar: VegaLiteSpec = {
    width: 420,
    height: 12,
    view: { fill: "#e6e6e6", stroke: null },
    data: { values: [{ start: 0, end: fraction(p) }] },
    mark: { type: "rect", color: barColor },
    encoding: {
      x: { field: "start", type: "quantitative", scale: { domain: [0, 1] }, axis: null },
      x2: { field: "end" },
    },
  };
  const values = curveValues(p, samples);
  const series = [...new Set(values.map((v) => v.series))];
  const curve: VegaLiteSpec = {
    width: 420,
    height: 200,
    data: { values },
    mark: { type: "line", strokeWidth: 2 },
    encoding: {
      x: { field: "x", type: "quantitative", title: "epoch", scale: { domain: [0, p.epochs] } },
      y: { field: "y", type: "quantitative", title: "loss", scale: { zero: false } },
      color: {
        field: "series",
        type: "nominal",
        title: null,
        scale: {
          domain: series,
          range: series.map((s, i) => (s.endsWith("(batches)") ? "#9a9a9a" : OKABE_ITO[i % 8])),
        },
      },
    },
  };
  const top = base({ description: status, title: undefined });
  delete top.width;
  delete top.height;
  return {
    ...top,
    title: { text: options.title ?? "Training", subtitle: status, anchor: "start" },
    vconcat: [bar, curve],
    spacing: 8,
  };
}
