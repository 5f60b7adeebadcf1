// Numbers that the prose of lesson 09 states and that are no output of the lesson, each with its
// reason (see prose-allow-00-04.ts for the format).
import type { NotAnOutput } from "./prose-allow-00-04";

export const PROSE_ALLOW_09: Record<string, readonly NotAnOutput[]> = {
  "09-hands-on": [
    {
      numbers: ["5", "4308", "2014"],
      why: "the paper's reference: Nature Communications 5, 4308 (2014)",
    },
    {
      numbers: ["2.6", "11", "300"],
      why: "the paper's data and network: HIGGS is 2.6 GB, 11 million events, 2.6 million used for training; deep layers of 300 units",
    },
    {
      numbers: ["80", "20", "10", "100000"],
      why: "the hands-on session's settings: an 80/20 split, patience 10, 100,000 events (the full-size N)",
    },
    {
      numbers: ["50", "1.5"],
      why: "settings given to the code: the deep network's 50 units per layer, a detector setting to try",
    },
  ],
};
