import { describe, expect, it } from "vitest";
import { ArgumentError, ShapeError } from "../../lib/errors";
import { MP_GATES, mcCullochPitts, truthTable } from "../../lib/nn/mcculloch-pitts";

describe("mcCullochPitts", () => {
  it.each([
    ["and", MP_GATES.and, [0, 0, 0, 1]],
    ["or", MP_GATES.or, [0, 1, 1, 1]],
    ["nand", { weights: [-1, -1], threshold: -1 }, [1, 1, 1, 0]],
    ["nor", { weights: [-1, -1], threshold: 0 }, [1, 0, 0, 0]],
  ] as const)("the %s unit's truth table (00, 01, 10, 11)", (_, unit, ys) => {
    const rows = truthTable(mcCullochPitts(unit), 2);
    expect(rows).toEqual([
      { x1: 0, x2: 0, y: ys[0] },
      { x1: 0, x2: 1, y: ys[1] },
      { x1: 1, x2: 0, y: ys[2] },
      { x1: 1, x2: 1, y: ys[3] },
    ]);
  });

  it("NOT: weight −1, threshold 0 gives 1 for 0 and 0 for 1", () => {
    expect(truthTable(mcCullochPitts(MP_GATES.not), 1)).toEqual([
      { x1: 0, y: 1 },
      { x1: 1, y: 0 },
    ]);
  });

  it("fires exactly at the threshold: w·x = θ gives 1 (1·1 + 1·1 = 2 ≥ 2)", () => {
    expect(mcCullochPitts({ weights: [1, 1], threshold: 2 })([1, 1])).toBe(1);
    expect(mcCullochPitts({ weights: [1, 1], threshold: 2.0001 })([1, 1])).toBe(0);
  });

  it("copies its weights: changing the caller's array later changes nothing", () => {
    const weights = [1, 1];
    const and = mcCullochPitts({ weights, threshold: 2 });
    weights[0] = 5;
    expect(and([1, 0])).toBe(0);
  });

  it("throws ShapeError naming the expected and got input counts", () => {
    expect(() => mcCullochPitts(MP_GATES.and)([1])).toThrow(ShapeError);
    expect(() => mcCullochPitts(MP_GATES.and)([1])).toThrow(
      /mcCullochPitts: expected 2 inputs, got 1/,
    );
  });

  it("throws ArgumentError on empty weights or a non-finite threshold", () => {
    expect(() => mcCullochPitts({ weights: [], threshold: 1 })).toThrow(ArgumentError);
    expect(() => mcCullochPitts({ weights: [1], threshold: NaN })).toThrow(/threshold NaN/);
  });

  it("truthTable(gate, 3) lists 8 rows in counting order; bad input counts throw", () => {
    const rows = truthTable(([a, b, c]) => a & b & c, 3);
    expect(rows).toHaveLength(8);
    expect(rows[5]).toEqual({ x1: 1, x2: 0, x3: 1, y: 0 });
    expect(rows[7].y).toBe(1);
    expect(() => truthTable(() => 0, 0)).toThrow(
      /truthTable: inputs must be an integer from 1 to 10, got 0/,
    );
  });
});
