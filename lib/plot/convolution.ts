/**
 * A step-through of 2-d convolution (lesson 7): the source layer with the kernel's window on it, and
 * the destination layer filled in up to the current position, as in the lecture's figure. One panel
 * with a slider over the positions, or a row of frames (small multiples) for chosen positions.
 *
 * Example:
 *   dl.show.chart(dl.plot.convolutionSteps(source, kernel));                       // slider
 *   dl.show.chart(dl.plot.convolutionSteps(source, kernel, { mode: "frames", positions: [0, 1, 6] }));
 */
import { ArgumentError, ShapeError, expectOptions } from "../errors";
import { conv2d } from "../nn/conv";
import { Tensor } from "../tensor/tensor";
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

/**
 * The engine's convolution (dl.nn.conv2d: no flip, stride 1, no padding) of one layer by one
 * kernel: dst[i][j] = Σ_u Σ_v src[i+u][j+v]·k[u][v].
 */
function correlate(src: number[][], k: number[][]): number[][] {
  const image = new Tensor(Float64Array.from(src.flat()), [1, 1, src.length, src[0].length]);
  const kernel = new Tensor(Float64Array.from(k.flat()), [1, 1, k.length, k[0].length]);
  const out = conv2d(image, kernel, null);
  const [oh, ow] = [out.shape[2], out.shape[3]];
  const d = out.values;
  return Array.from({ length: oh }, (_, i) => Array.from(d.subarray(i * ow, (i + 1) * ow)));
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

/** One row per cell of the source and (shifted right by `gap`) of the destination, with rect bounds. */
function cellValues(src: number[][], dst: number[][], gap: number) {
  const ow = dst[0].length;
  const cell = (part: string, row: number, col: number, index: number, v: number) => ({
    part,
    row,
    col,
    index,
    value: round(v),
    x: col,
    x2: col + 1,
    y: row + 1,
    y2: row + 2,
    yc: row + 1.5,
  });
  return [
    ...src.flatMap((r, i) => r.map((v, j) => cell("source", i, j, -1, v))),
    ...dst.flatMap((r, i) => r.map((v, j) => cell("destination", i, j + gap, i * ow + j, v))),
  ];
}

/** Checks both matrices and returns them with the destination layer. */
function layers(source: NumericInput, kernel: NumericInput) {
  const src = toMatrix(source, "convolutionSteps");
  const k = toMatrix(kernel, "convolutionSteps");
  const kh = k.length;
  const kw = k[0]?.length ?? 0;
  if (kh === 0 || kw === 0 || kh > src.length || kw > (src[0]?.length ?? 0)) {
    throw new ShapeError(
      `convolutionSteps: kernel [${kh}, ${kw}] must be non-empty and fit in the source [${src.length}, ${src[0]?.length ?? 0}]`,
    );
  }
  return { src, kh, kw, dst: correlate(src, k) };
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
  expectOptions("convolutionSteps", options);
  const { src, kh, kw, dst } = layers(source, kernel);
  const ow = dst[0].length;
  const last = dst.length * ow - 1;
  const gap = src[0].length + 2;
  const data = { values: cellValues(src, dst, gap) };
  const width = options.width ?? (gap + ow) * 24;
  const height = options.height ?? (src.length + 1) * 24;
  const description =
    options.description ??
    `The ${kh}×${kw} kernel sliding over the ${src.length}×${src[0].length} source layer, filling the ${dst.length}×${ow} destination layer one value at a time (first value ${round(dst[0][0])})`;
  const top = base({ ...options, width, height, description });
  const panel = (pos: string) => panelLayers(kh, kw, ow, gap, pos);
  if (options.mode !== "frames") {
    const value = Math.min(Math.max(0, options.start ?? 0), last);
    const bind = { input: "range", min: 0, max: last, step: 1, name: "kernel position " };
    return { ...top, params: [{ name: "position", value, bind }], data, layer: panel("position") };
  }
  const positions = options.positions ?? [0, 1, 2, last];
  const bad = positions.find((p) => !Number.isInteger(p) || p < 0 || p > last);
  if (bad !== undefined) {
    throw new ArgumentError(`convolutionSteps: position ${bad} is not in [0, ${last}]`);
  }
  delete top.width;
  delete top.height;
  const at = (p: number) => round(dst[Math.floor(p / ow)][p % ow]);
  const title = (p: number) =>
    `position ${p}: destination[${Math.floor(p / ow)}][${p % ow}] = ${at(p)}`;
  return {
    ...top,
    data,
    vconcat: positions.map((p) => ({
      width,
      height,
      title: { text: title(p), fontSize: 12 },
      layer: panel(String(p)),
    })),
  };
}
