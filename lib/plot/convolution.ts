/**
 * A step-through of 2-d convolution (lesson 7): the source layer with the kernel's window on it, and
 * the destination layer filled in up to the current position, as in the lecture's figure. One panel
 * with a slider over the positions, or a row of frames (small multiples) for chosen positions.
 *
 * Example:
 *   dl.show.chart(dl.plot.convolutionSteps(source, kernel));                       // slider
 *   dl.show.chart(dl.plot.convolutionSteps(source, kernel, { mode: "frames", positions: [0, 1, 6] }));
 */
import { ArgumentError, ShapeError } from "../errors";
import { type NumericInput, toMatrix } from "./arrays";
import { type ChartOptions, type VegaLiteSpec, base, round } from "./spec";

/** Options of `convolutionSteps`. */
export interface ConvolutionStepsOptions extends ChartOptions {
  /** "slider" (default): one panel and a position slider; "frames": one panel per position. */
  mode?: "slider" | "frames";
  /** The positions (0-based, row-major over the destination) drawn as frames (default 0, 1, 2, last). */
  positions?: readonly number[];
  /** The slider's starting position (default 0: the first destination value). */
  start?: number;
}

/** Valid cross-correlation (no flip, stride 1, no padding): dst[i][j] = Σ_u Σ_v src[i+u][j+v]·k[u][v]. */
function correlate(src: number[][], k: number[][]): number[][] {
  const oh = src.length - k.length + 1;
  const ow = src[0].length - k[0].length + 1;
  return Array.from({ length: oh }, (_, i) =>
    Array.from({ length: ow }, (_, j) =>
      k.reduce((s, row, u) => row.reduce((t, kv, v) => t + src[i + u][j + v] * kv, s), 0),
    ),
  );
}

/** The layers of one panel; `pos` is a Vega expression for the position (the param, or a number). */
function panelLayers(kh: number, kw: number, ow: number, gap: number, pos: string): VegaLiteSpec[] {
  const cells = (tests: [string, string][]) => ({
    mark: { type: "rect", stroke: "#999999", strokeWidth: 0.5 },
    encoding: {
      x: { field: "x", type: "quantitative", axis: null, scale: { zero: true } },
      x2: { field: "x2" },
      y: { field: "y", type: "quantitative", axis: null, scale: { reverse: true } },
      y2: { field: "y2" },
      color: { condition: tests.map(([test, value]) => ({ test, value })), value: "#FFFFFF" },
    },
  });
  const row = `floor((${pos}) / ${ow})`;
  const col = `((${pos}) % ${ow})`;
  const inWindow = `datum.part === 'source' && datum.row >= ${row} && datum.row < ${row} + ${kh} && datum.col >= ${col} && datum.col < ${col} + ${kw}`;
  const current = `datum.part === 'destination' && datum.index === (${pos})`;
  const done = `datum.part === 'destination' && datum.index < (${pos})`;
  const shown = `datum.part === 'source' || datum.index <= (${pos})`;
  return [
    cells([
      [`${inWindow} || ${current}`, "#E69F00"],
      [done, "#CFE3F3"],
    ]),
    {
      transform: [{ filter: shown }, { calculate: "datum.x + 0.5", as: "xc" }],
      mark: { type: "text", fontSize: 12 },
      encoding: {
        x: { field: "xc", type: "quantitative" },
        y: { field: "yc", type: "quantitative" },
        text: { field: "value", type: "quantitative" },
      },
    },
    {
      data: {
        values: [
          { label: "source", x: 0 },
          { label: "destination", x: gap },
        ],
      },
      mark: { type: "text", align: "left", fontWeight: "bold", dy: -8 },
      encoding: {
        x: { field: "x", type: "quantitative" },
        y: { datum: 0, type: "quantitative" },
        text: { field: "label" },
      },
    },
  ];
}

/**
 * The kernel sliding over the source layer: at position p (row-major over the destination), the
 * window src[i..i+KH−1][j..j+KW−1] is highlighted, with i = ⌊p / OW⌋, j = p mod OW, and the
 * destination is filled in up to dst[i][j] = Σ_u Σ_v src[i+u][j+v]·k[u][v] (no flip, as the lecture).
 * Shapes: source [H, W], kernel [KH, KW] → destination [H−KH+1, W−KW+1]. Lesson 7.
 */
export function convolutionSteps(
  source: NumericInput,
  kernel: NumericInput,
  options: ConvolutionStepsOptions = {},
): VegaLiteSpec {
  const src = toMatrix(source, "convolutionSteps");
  const k = toMatrix(kernel, "convolutionSteps");
  const kh = k.length;
  const kw = k[0]?.length ?? 0;
  if (kh === 0 || kw === 0 || kh > src.length || kw > (src[0]?.length ?? 0)) {
    throw new ShapeError(
      `convolutionSteps: kernel [${kh}, ${kw}] must be non-empty and fit in the source [${src.length}, ${src[0]?.length ?? 0}]`,
    );
  }
  const dst = correlate(src, k);
  const ow = dst[0].length;
  const last = dst.length * ow - 1;
  const gap = src[0].length + 2;
  const values = [
    ...src.flatMap((r, i) =>
      r.map((v, j) => ({ part: "source", row: i, col: j, index: -1, value: round(v) })),
    ),
    ...dst.flatMap((r, i) =>
      r.map((v, j) => ({
        part: "destination",
        row: i,
        col: j + gap,
        index: i * ow + j,
        value: round(v),
      })),
    ),
  ].map((d) => ({ ...d, x: d.col, x2: d.col + 1, y: d.row + 1, y2: d.row + 2, yc: d.row + 1.5 }));
  const width = options.width ?? (gap + ow) * 24;
  const height = options.height ?? (src.length + 1) * 24;
  const description =
    options.description ??
    `The ${kh}×${kw} kernel sliding over the ${src.length}×${src[0].length} source layer, filling the ${dst.length}×${ow} destination layer one value at a time (first value ${round(dst[0][0])})`;
  const top = base({ ...options, width, height, description });
  if (options.mode === "frames") {
    const positions = options.positions ?? [0, 1, 2, last];
    const bad = positions.find((p) => !Number.isInteger(p) || p < 0 || p > last);
    if (bad !== undefined) {
      throw new ArgumentError(`convolutionSteps: position ${bad} is not in [0, ${last}]`);
    }
    delete top.width;
    delete top.height;
    return {
      ...top,
      data: { values },
      vconcat: positions.map((p) => ({
        width,
        height,
        title: {
          text: `position ${p}: destination[${Math.floor(p / ow)}][${p % ow}] = ${round(dst[Math.floor(p / ow)][p % ow])}`,
          fontSize: 12,
        },
        layer: panelLayers(kh, kw, ow, gap, String(p)),
      })),
    };
  }
  const start = Math.min(Math.max(0, options.start ?? 0), last);
  return {
    ...top,
    params: [
      {
        name: "position",
        value: start,
        bind: { input: "range", min: 0, max: last, step: 1, name: "kernel position " },
      },
    ],
    data: { values },
    layer: panelLayers(kh, kw, ow, gap, "position"),
  };
}
