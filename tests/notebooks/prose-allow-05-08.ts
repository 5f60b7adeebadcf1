// Numbers that the prose of lessons 05–08 states and that are no output of the lesson, each with
// its reason (see prose-allow-00-04.ts for the format).
import type { NotAnOutput } from "./prose-allow-00-04";

export const PROSE_ALLOW_05_08: Record<string, readonly NotAnOutput[]> = {
  "05-backprop": [
    { numbers: ["1986", "2015"], why: "years: backpropagation (Rumelhart et al.), batch norm" },
    {
      numbers: ["32", "64", "10"],
      why: "sizes given to the code: layers of 32 units, batches of 64, 10 layers and 10 classes",
    },
  ],
  "06-gradient-descent": [
    { numbers: ["2014", "2017"], why: "years: Adam (Kingma and Ba), sharp minima (Keskar et al.)" },
    { numbers: ["300"], why: "a setting: the number of random batches drawn per batch size" },
    {
      numbers: ["0.999", "1e-8", "0.002"],
      why: "Adam's constants β₂ and ε, and a gradient the prediction gives (0.002)",
    },
  ],
  "07-cnn": [
    {
      numbers: ["1998", "2012"],
      why: "years: LeNet and the UCI digits (1998), AlexNet (2012)",
    },
    { numbers: ["75", "32"], why: "settings: the 75/25 split and mini-batches of 32" },
  ],
  "08-regularization": [
    { numbers: ["2014"], why: "the year of the dropout paper (Srivastava, Hinton et al.)" },
    {
      numbers: ["64", "25", "128"],
      why: "sizes given to the code: 64-unit layers (128 hidden units in all), batches of 25",
    },
    {
      numbers: ["2000", "100000"],
      why: "sizes of inputs: the dropout exercise's 2,000 ones, the 100,000 ones measured",
    },
  ],
};
