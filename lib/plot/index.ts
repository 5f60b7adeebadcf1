/**
 * `dl.plot`: pure functions that build chart specs (no side effects); show them with `dl.show.chart`
 * (Vega-Lite) or `dl.show.plotly` (3-d). Every builder accepts plain arrays or tensors.
 *
 * Example:
 *   dl.show.chart(dl.plot.lossCurves(history.history));
 */
export { OKABE_ITO, base, categoryScale } from "./spec";
export type { VegaLiteSpec, PlotlySpec, ChartOptions } from "./spec";
export type { NumericInput, ShapedArray, ToArray } from "./arrays";
export { line, lossCurves } from "./line";
export type { LineOptions } from "./line";
export { scatter, decisionBoundary } from "./scatter";
export type { ScatterOptions, BoundaryOptions } from "./scatter";
export { heatmap, imageGrid } from "./heatmap";
export type { HeatmapOptions, ImageGridOptions } from "./heatmap";
export { activations, ACTIVATIONS } from "./activations";
export type { ActivationPair, ActivationOptions } from "./activations";
export { network } from "./network";
export type { NetworkOptions } from "./network";
export { computationalGraph } from "./graph";
export type { GraphNode, GraphOptions } from "./graph";
export { lossSurface, lossContour } from "./loss-surface";
export type { SurfaceOptions } from "./loss-surface";
export { timeline, NEURAL_NETWORK_HISTORY } from "./timeline";
export type { TimelineEvent } from "./timeline";
export { histogram, bar } from "./bars";
export type { HistogramOptions, BarOptions } from "./bars";
export { neuron } from "./neuron";
export type { NeuronOptions } from "./neuron";
export { linearBoundaries } from "./linear-boundaries";
export type { LinearBoundaryHistory, LinearBoundaryOptions } from "./linear-boundaries";
export { convolutionSteps } from "./convolution";
export type { ConvolutionStepsOptions } from "./convolution";
export { beside } from "./beside";
export { roc } from "./roc";
export type { RocInput, RocOptions } from "./roc";
