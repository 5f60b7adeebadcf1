/**
 * A timeline of dated events, labels alternating above and below the axis (lesson 0: the history of
 * neural networks, the default).
 *
 * Example:
 *   dl.show.chart(dl.plot.timeline());
 *   dl.show.chart(dl.plot.timeline([{ year: 1958, label: "Perceptron" }], { title: "…" }));
 */
import { ArgumentError } from "../errors";
import { type ChartOptions, OKABE_ITO, type VegaLiteSpec, base } from "./spec";

/** One event: the year, a short label, and an optional era/kind used for colour. */
export interface TimelineEvent {
  year: number;
  label: string;
  kind?: string;
}

/** The history the welcome lesson tells (DESIGN.md §5). */
export const NEURAL_NETWORK_HISTORY: readonly TimelineEvent[] = Object.freeze([
  { year: 1943, label: "McCulloch–Pitts neuron", kind: "ideas" },
  { year: 1958, label: "Rosenblatt's perceptron", kind: "ideas" },
  { year: 1960, label: "Widrow–Hoff (ADALINE, LMS)", kind: "ideas" },
  { year: 1969, label: "Minsky–Papert: XOR; first winter", kind: "setbacks" },
  { year: 1986, label: "Backpropagation (Rumelhart, Hinton, Williams)", kind: "ideas" },
  { year: 1989, label: "Universal approximation (Cybenko)", kind: "ideas" },
  { year: 1995, label: "Support vector machines: the second winter", kind: "setbacks" },
  { year: 1997, label: "LSTM (Hochreiter, Schmidhuber)", kind: "ideas" },
  { year: 1998, label: "LeNet-5 (LeCun)", kind: "milestones" },
  { year: 2006, label: "Layer-wise pretraining (Hinton, Salakhutdinov)", kind: "ideas" },
  { year: 2009, label: "ImageNet dataset", kind: "milestones" },
  { year: 2010, label: "ReLU for deep nets (Nair, Hinton)", kind: "ideas" },
  { year: 2012, label: "AlexNet wins ImageNet, on two GPUs", kind: "milestones" },
  { year: 2014, label: "Dropout; Adam; GANs", kind: "ideas" },
  { year: 2015, label: "Batch normalisation (Ioffe, Szegedy)", kind: "ideas" },
  { year: 2016, label: "AlphaGo beats Lee Sedol at Go", kind: "milestones" },
  { year: 2017, label: "Transformer: attention is all you need", kind: "ideas" },
  { year: 2024, label: "Nobel prizes: Hopfield, Hinton; Hassabis, Jumper", kind: "milestones" },
]);

/**
 * Events on a proportional year axis, one row each (oldest at the top), so every label is readable:
 * a dot at the year, the label beside it (to the right in the first half, to the left after).
 */
export function timeline(
  events: readonly TimelineEvent[] = NEURAL_NETWORK_HISTORY,
  options: ChartOptions = {},
): VegaLiteSpec {
  if (events.length === 0) throw new ArgumentError("timeline: no events");
  const sorted = [...events].sort((a, b) => a.year - b.year);
  const years = sorted.map((e) => e.year);
  const middle = (years[0] + years[years.length - 1]) / 2;
  const values = sorted.map((e, i) => ({
    ...e,
    kind: e.kind ?? "event",
    row: i,
    right: e.year <= middle,
    text: `${e.year}  ${e.label}`,
  }));
  const kinds = [...new Set(values.map((v) => v.kind))];
  const x = {
    field: "year",
    type: "quantitative",
    title: null,
    scale: { domain: [years[0] - 3, years[years.length - 1] + 3], nice: false },
    axis: { format: "d", tickCount: 10, grid: true, gridColor: "#eeeeee" },
  };
  const y = { field: "row", type: "ordinal", axis: null };
  const color = {
    field: "kind",
    type: "nominal",
    title: null,
    scale: { domain: kinds, range: kinds.map((_, i) => OKABE_ITO[i]) },
    legend: { orient: "bottom" },
  };
  const description =
    options.description ??
    `Timeline of ${values.length} events from ${years[0]} to ${years[years.length - 1]}: ` +
      values.map((v) => `${v.year} ${v.label}`).join("; ");
  return {
    ...base({
      title: "A short history of neural networks",
      width: 720,
      height: 22 * values.length,
      ...options,
      description,
    }),
    data: { values },
    layer: [
      { mark: { type: "point", filled: true, size: 80, opacity: 1 }, encoding: { x, y, color } },
      {
        mark: {
          type: "text",
          fontSize: 11.5,
          baseline: "middle",
          align: { expr: "datum.right ? 'left' : 'right'" },
          dx: { expr: "datum.right ? 8 : -8" },
        },
        encoding: { x, y, text: { field: "text" }, color: { value: "#222222" } },
      },
    ],
  };
}
