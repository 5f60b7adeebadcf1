/**
 * `dl.show`: the only code that talks to the tslab kernel. Each call sends one output (a MIME bundle);
 * outside a kernel (vitest, plain node) it prints the text form and never throws.
 *
 * Example:
 *   dl.show.chart(dl.plot.scatter(x, y));
 *   dl.show.table([{ name: "Alice", weight: 133 }], { title: "Data" });
 */
export { displayBundle, isInKernel } from "./display";
export type { MimeBundle, DisplayOptions } from "./display";
export { chart, chartBundle } from "./chart";
export type { ChartDisplayOptions } from "./chart";
export { renderSvg } from "./render-svg";
export { renderPng } from "./render-png";
export { plotly, plotlyBundle, resetPlotlySession } from "./plotly";
export { table, formatTable } from "./table";
export type { TableInput } from "./table";
export { html, markdown, text, error, escapeHtml } from "./html";
export { liveTrainingDisplay } from "./live-training";
export type { TrainingProgress, LiveTrainingDisplay, LiveTrainingOptions } from "./live-training";
