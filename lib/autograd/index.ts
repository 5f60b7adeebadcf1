/**
 * Autograd's public names, re-exported at the top level of `dl` (lib/index.ts):
 * `dl.backward`, `dl.zeroGrad`, `dl.detach`, `dl.releaseGraph`, `dl.noGrad`, `dl.Value`,
 * `dl.gradCheck`. (How ops record themselves, `noGrad` included, is lib/tensor/record.ts.)
 */
export { backward, zeroGrad, detach } from "./backward";
export { releaseGraph } from "./release";
export { noGrad, isGradEnabled } from "../tensor/record";
export { gradCheck } from "./grad-check";
export type { GradCheckOptions, GradCheckResult, GradCheckRow } from "./grad-check";
export { Value, value } from "./value";
