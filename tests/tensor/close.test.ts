import { describe, expect, it } from "vitest";
import * as dl from "../../lib/index";

describe("allClose / assertClose", () => {
  it.each([
    ["0.1 + 0.2 vs 0.3", 0.1 + 0.2, 0.3, true],
    ["nested arrays", [[1, 2]], [[1, 2 + 1e-9]], true],
    ["tensor vs array", dl.tensor([1, 2]), [1, 2], true],
    ["beyond rtol", [1, 2.1], [1, 2], false],
    ["different shapes", [1, 2], [[1, 2]], false],
    ["NaN matches NaN", [NaN], [NaN], true],
    ["NaN vs number", [NaN], [1], false],
    ["same infinity", [Infinity], [Infinity], true],
    ["finite vs expected infinity", [1e300], [Infinity], false],
    ["infinity vs expected finite", [-Infinity], [3], false],
    ["opposite infinities", [-Infinity], [Infinity], false],
  ])("%s", (_, a, b, close) => {
    expect(dl.allClose(a, b)).toBe(close);
  });

  it("uses |a − b| ≤ atol + rtol·|b|", () => {
    expect(dl.allClose(1.04, 1, { rtol: 0.05, atol: 0 })).toBe(true);
    expect(dl.allClose(1.06, 1, { rtol: 0.05, atol: 0 })).toBe(false);
    expect(dl.allClose(0.5, 0, { rtol: 0, atol: 0.5 })).toBe(true);
  });

  it("assertClose names the first differing index, or the shapes", () => {
    expect(() =>
      dl.assertClose(
        [
          [1, 2],
          [3, 5],
        ],
        [
          [1, 2],
          [3, 4],
        ],
      ),
    ).toThrow(/assertClose: at \[1, 1\]: expected 4, got 5/);
    expect(() => dl.assertClose([1, 2], [1, 2, 3])).toThrow(
      /expected shape \[3\], got shape \[2\]/,
    );
    expect(() => dl.assertClose([1, 2], [1, 2])).not.toThrow();
  });
});
