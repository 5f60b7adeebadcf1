import { Tensor } from "../tensor/tensor";

/** One row of the lecture's table: name, weight (lb), height (in), gender. */
export interface Person {
  name: string;
  weight: number;
  height: number;
  gender: "F" | "M";
}

/** The lecture's table, together with its centred inputs and 0/1 targets. */
export interface GenderTable {
  /** The raw rows: Alice 133 lb 65 in F, Bob 160 72 M, Charlie 152 70 M, Diana 120 60 F. */
  rows: Person[];
  names: string[];
  /** The raw inputs [4, 2]: [weight, height]. */
  raw: Tensor;
  /** The centred inputs [4, 2]: [weight − 135, height − 66]. */
  x: Tensor;
  /** The targets [4, 1]: F = 1, M = 0. */
  y: Tensor;
  /** What was subtracted from each column: [135, 66]. */
  shift: [number, number];
}

/**
 * The lecture's worked example for multi-layer networks (lesson 4, used again in lesson 5):
 *
 *   name     weight  height  gender   x = [weight − 135, height − 66]   y
 *   Alice    133     65      F        [−2, −1]                          1
 *   Bob      160     72      M        [25, 6]                           0
 *   Charlie  152     70      M        [17, 4]                           0
 *   Diana    120     60      F        [−15, −6]                         1
 *
 * Example: const { x, y, names } = dl.data.genderTable();   // x [4, 2], y [4, 1]
 */
export function genderTable(): GenderTable {
  const rows: Person[] = [
    { name: "Alice", weight: 133, height: 65, gender: "F" },
    { name: "Bob", weight: 160, height: 72, gender: "M" },
    { name: "Charlie", weight: 152, height: 70, gender: "M" },
    { name: "Diana", weight: 120, height: 60, gender: "F" },
  ];
  const shift: [number, number] = [135, 66];
  const raw = rows.flatMap((r) => [r.weight, r.height]);
  return {
    rows,
    names: rows.map((r) => r.name),
    raw: new Tensor(Float64Array.from(raw), [4, 2]),
    x: new Tensor(Float64Array.from(raw.map((v, i) => v - shift[i % 2])), [4, 2]),
    y: new Tensor(Float64Array.from(rows.map((r) => (r.gender === "F" ? 1 : 0))), [4, 1]),
    shift,
  };
}
