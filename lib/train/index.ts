/** lib/train: the one training loop `fit`, `evaluate`, `predict` and metrics (lessons 3–8). */
export { fit } from "./fit";
export type { FitOptions, StepInfo, EpochInfo, CallbackResult } from "./fit-options";
export type { TrainingDisplay, TrainingProgress } from "./display";
export type { History, EarlyStoppingOptions } from "./history";
export { historySeries, monitorMode } from "./history";
export { evaluate, predict } from "./evaluate";
export type { EvaluateOptions } from "./evaluate";
export { accuracy, confusionMatrix, predictedLabels, METRICS, METRIC_MODES } from "./metrics";
export type { Metric, MetricName } from "./metrics";
export { roc, auc, efficiencies } from "./roc";
export type { RocCurve, Efficiencies } from "./roc";
