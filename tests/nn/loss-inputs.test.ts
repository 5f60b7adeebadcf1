// What every loss does with inputs outside its domain, with extreme logits, and with targets that
// require a gradient: ranges checked by name, exact values for huge logits, limits for infinities.
import { describe, expect, it } from "vitest";
import * as dl from "../../lib/index";
import { expectNamed } from "../reliability/named-errors";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the point is to pass wrong types
type Any = any;
const t = (values: number[]) => dl.tensor(values);
const { mse, mae, binaryCrossEntropy: bce, binaryCrossEntropyWithLogits: bceLogits } = dl.nn;
const ELEMENTWISE = [
  ["mse", mse],
  ["mae", mae],
  ["binaryCrossEntropy", bce],
  ["binaryCrossEntropyWithLogits", bceLogits],
] as const;

describe("binaryCrossEntropy checks that it is given probabilities and 0/1 targets", () => {
  it.each([[-3], [1.5], [Infinity], [-Infinity]])(
    "a prediction of %s (a logit, not a probability) throws ArgumentError pointing to the logit variant",
    (p) =>
      expectNamed(() => bce(t([0.5, p]), t([1, 0])), "ArgumentError", [
        /^binaryCrossEntropy: predictions must be in \[0, 1\]/,
        new RegExp(`got ${p} at flat index 1`),
        /binaryCrossEntropyWithLogits/,
        /sigmoid/,
      ]),
  );

  it.each([[2], [-1], [1.0001]])("a target of %s throws ArgumentError saying [0, 1]", (y) => {
    for (const [name, loss] of [
      ["binaryCrossEntropy", bce],
      ["binaryCrossEntropyWithLogits", bceLogits],
    ] as const) {
      expectNamed(() => loss(t([0.5]), t([y])), "ArgumentError", [
        new RegExp(`^${name}: targets must be in \\[0, 1\\], got ${y}`),
      ]);
    }
  });

  it("the ends of the ranges are allowed: p = 0 and 1 (clamped), soft targets in between", () => {
    expect(bce(t([0, 1]), t([0, 1])).item()).toBeCloseTo(-Math.log(1 - 1e-12), 12);
    expect(bce(t([0.5]), t([0.25])).item()).toBeCloseTo(Math.LN2, 12);
    expect(bceLogits(t([-30, 30]), t([0, 1])).item()).toBeCloseTo(Math.log1p(Math.exp(-30)), 15);
  });
});

describe("every elementwise loss: shapes, NaN, targets", () => {
  it.each(ELEMENTWISE)("%s: mismatched shapes throw ShapeError with both shapes", (name, loss) =>
    expectNamed(() => loss(dl.zeros([2, 1]), dl.zeros([2])), "ShapeError", [
      new RegExp(`^${name}:`),
      /\[2, 1\] and \[2\]/,
    ]),
  );

  it.each(ELEMENTWISE)("%s: empty tensors throw ShapeError", (name, loss) =>
    expectNamed(() => loss(dl.zeros([0]), dl.zeros([0])), "ShapeError", [new RegExp(`^${name}:`)]),
  );

  it.each(ELEMENTWISE)(
    "%s: a NaN prediction propagates to a NaN loss (fit then stops)",
    (_name, loss) => {
      expect(loss(t([0.5, NaN]), t([1, 0])).item()).toBeNaN();
    },
  );

  it.each(ELEMENTWISE)(
    "%s: a non-finite target throws NonFiniteError with its index",
    (name, loss) => {
      for (const bad of [NaN, Infinity, -Infinity]) {
        expectNamed(() => loss(t([0.5, 0.5]), t([0, bad])), "NonFiniteError", [
          new RegExp(`^${name}: targets hold ${bad} at flat index 1`),
        ]);
      }
    },
  );

  it.each(ELEMENTWISE)("%s: non-tensors throw ArgumentError naming the argument", (name, loss) => {
    expectNamed(() => loss(bad([0.5]), t([1])), "ArgumentError", [
      new RegExp(`^${name}:`),
      /predictions/,
    ]);
    expectNamed(() => loss(t([0.5]), bad(1)), "ArgumentError", [
      new RegExp(`^${name}:`),
      /targets/,
    ]);
  });

  it.each(ELEMENTWISE)(
    "%s: the gradient to targets that require one is the documented one (gradCheck)",
    (_name, loss) => {
      const p = dl.tensor([[0.2], [0.7], [0.9]]);
      const y = dl.tensor([[0.1], [0.35], [0.6]]);
      const check = dl.gradCheck((pp, yy) => loss(pp, yy), [p, y]);
      expect(check.toString()).toContain("gradient check passed");
      expect(check.rows.map((r) => r.passed)).toEqual([true, true]);
    },
  );

  it("mse's target gradient is −2(ŷ − y)/n, and none is made when targets need none", () => {
    const p = dl.tensor([3, 1], { requiresGrad: true });
    const y = dl.tensor([1, 2], { requiresGrad: true });
    mse(p, y).backward();
    expect(Array.from(y.grad!.data)).toEqual([-2, 1]);
    expect(Array.from(p.grad!.data)).toEqual([2, -1]);
    const fixed = dl.tensor([1, 2]);
    mse(dl.tensor([3, 1], { requiresGrad: true }), fixed).backward();
    expect(fixed.grad).toBeNull();
  });

  it("mae's target gradient is −sign(ŷ − y)/n", () => {
    const y = dl.tensor([1, 2, 5, 0], { requiresGrad: true });
    mae(dl.tensor([3, 1, 5, -1]), y).backward();
    expect(Array.from(y.grad!.data)).toEqual([-0.25, 0.25, 0, 0.25]);
  });
});

function bad(value: unknown): Any {
  return value;
}

describe("softmaxCrossEntropy with large and infinite logits", () => {
  const ce = (z: number[], label: number) =>
    dl.nn.softmaxCrossEntropy(dl.tensor([z]), [label]).item();

  it.each([[1e12], [1e15], [1e16], [1e300], [-1e300]])(
    "two equal logits of %s give exactly ln 2",
    (big) => {
      expect(ce([big, big], 0)).toBe(Math.LN2);
      expect(ce([big, big], 1)).toBe(Math.LN2);
    },
  );

  it("a shift of every logit by 1e12 keeps the loss (to 1e-12)", () => {
    const z = [2, 0, -1];
    for (const label of [0, 1, 2]) {
      const shifted = z.map((v) => v + 1e12);
      expect(Math.abs(ce(shifted, label) - ce(z, label))).toBeLessThan(1e-3);
      expect(
        ce(
          z.map((v) => v + 1e16),
          label,
        ),
      ).toBeGreaterThanOrEqual(0);
    }
    // within the precision of the shifted logits themselves (1e12 has spacing 1.2e-4)
    expect(ce([1e12 + 2, 1e12], 0)).toBeCloseTo(Math.log1p(Math.exp(-2)), 12);
  });

  it("one +Infinity logit takes all the probability: loss 0 on it, +Infinity elsewhere", () => {
    expect(ce([Infinity, 0, -5], 0)).toBe(0);
    expect(ce([Infinity, 0, -5], 1)).toBe(Infinity);
    expect(ce([3, Infinity], 1)).toBe(0);
  });

  it("−Infinity logits take none: the limit of the finite ones", () => {
    expect(ce([-Infinity, 0], 1)).toBe(0);
    expect(ce([-Infinity, 0, 0], 2)).toBe(Math.LN2);
    expect(ce([-Infinity, 0], 0)).toBe(Infinity);
  });

  it("no limit exists for two +Infinity or only −Infinity: NaN", () => {
    expect(ce([Infinity, Infinity], 0)).toBeNaN();
    expect(ce([-Infinity, -Infinity], 0)).toBeNaN();
    expect(ce([NaN, 0], 1)).toBeNaN();
  });

  it("the gradient at an infinite logit is the limit's: softmax − one-hot, finite", () => {
    const z = dl.tensor(
      [
        [Infinity, 0, -Infinity],
        [1, 2, 3],
      ],
      { requiresGrad: true },
    );
    dl.nn.softmaxCrossEntropy(z, [0, 2]).backward();
    const g = Array.from(z.grad!.data);
    expect(g.slice(0, 3)).toEqual([0, 0, 0]);
    const s = dl.softmax(dl.tensor([1, 2, 3])).data;
    expect(g[3]).toBeCloseTo(s[0] / 2, 15);
    expect(g[5]).toBeCloseTo((s[2] - 1) / 2, 15);
    const wrong = dl.tensor([[Infinity, 0]], { requiresGrad: true });
    dl.nn.softmaxCrossEntropy(wrong, [1]).backward();
    expect(Array.from(wrong.grad!.data)).toEqual([1, -1]);
  });

  it("labels that are not class indices throw ArgumentError naming the label and its index", () => {
    for (const label of [2, -1, 0.5, NaN, Infinity]) {
      expectNamed(() => dl.nn.softmaxCrossEntropy(dl.zeros([2, 2]), [0, label]), "ArgumentError", [
        /^softmaxCrossEntropy: label/,
        new RegExp(`${label} at index 1`),
      ]);
    }
    expectNamed(() => dl.nn.softmaxCrossEntropy(dl.zeros([2, 2]), bad("01")), "ArgumentError", [
      /softmaxCrossEntropy/,
      /labels/,
    ]);
  });
});
