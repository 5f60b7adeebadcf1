/**
 * `dl.train` as notebooks see it: everything of lib/train, with `fit` showing the live training
 * display by default (`display: "auto"`: a progress bar and loss curve in a notebook, short text
 * lines elsewhere, from `dl.show.liveTrainingDisplay`). lib/train sits below lib/show and never
 * imports it: the display is handed to `fit` here, at the public API.
 * Example: dl.train.fit(model, data, { epochs: 10, loss: dl.nn.mse, optimizer })  // draws as it trains
 */
import { liveTrainingDisplay } from "./show/live-training";
import type { Module } from "./nn/module";
import type { Dataset } from "./tensor/dataset";
import type { FitOptions } from "./train/fit-options";
import type { History } from "./train/history";
import { fit as fitWith } from "./train/fit";

export * from "./train/index";

/** lib/train's `fit` (see lib/train/fit.ts) with the live display when `display` is "auto". */
export function fit(model: Module, data: Dataset, options: FitOptions): History {
  // anything but an options object goes as it is: fit names what is wrong with it
  if (options === null || typeof options !== "object") return fitWith(model, data, options);
  if ((options.display ?? "auto") !== "auto") return fitWith(model, data, options);
  return fitWith(model, data, {
    ...options,
    display: liveTrainingDisplay({ title: options.title }),
  });
}
