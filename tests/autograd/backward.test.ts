import { describe, expect, it } from "vitest";
import * as dl from "../../lib/index";

describe("backward", () => {
  it("d/dw of sum((x·w − y)²) worked out: 2·(x·w − y)·x", () => {
    // x = 2, w = 3, y = 1: residual 2*3 − 1 = 5, loss 25, dL/dw = 2*5*2 = 20
    const w = dl.tensor([3], { requiresGrad: true });
    const loss = dl.sum(dl.square(dl.sub(dl.mul(dl.tensor([2]), w), dl.tensor([1]))));
    expect(loss.item()).toBe(25);
    dl.backward(loss);
    expect(w.grad!.toArray()).toEqual([20]);
  });

  it("broadcast add sends the summed gradient to the bias: [2, 3] + [3]", () => {
    const x = dl.ones([2, 3]);
    const b = dl.tensor([1, 2, 3], { requiresGrad: true });
    dl.backward(dl.sum(dl.add(x, b)));
    expect(b.grad!.toArray()).toEqual([2, 2, 2]);
  });

  it("gradients accumulate across two backward calls, and zeroGrad clears them (null, as PyTorch)", () => {
    const w = dl.tensor([1, 2], { requiresGrad: true });
    const y = dl.mul(w, 3);
    const loss = dl.sum(y);
    dl.backward(loss);
    dl.backward(loss);
    expect(w.grad!.toArray()).toEqual([6, 6]);
    dl.zeroGrad([w]);
    expect(w.grad).toBeNull();
    loss.backward();
    expect(w.grad!.toArray()).toEqual([3, 3]);
  });

  it("noGrad records nothing", () => {
    const w = dl.tensor([1, 2], { requiresGrad: true });
    const y = dl.noGrad(() => dl.sum(dl.mul(w, w)));
    expect(y.requiresGrad).toBe(false);
    expect(y.parents).toEqual([]);
    expect(y.backwardFn).toBeNull();
    expect(dl.isGradEnabled()).toBe(true);
  });

  it("backward on a result that needs no gradient throws ArgumentError (forgotten requiresGrad)", () => {
    const loss = dl.sum(dl.mul(dl.tensor([1, 2]), 3));
    expect(() => dl.backward(loss)).toThrow(dl.ArgumentError);
    expect(() => loss.backward()).toThrow(/backward: nothing to differentiate/);
  });

  it("detach cuts the graph", () => {
    const w = dl.tensor([2], { requiresGrad: true });
    const loss = dl.sum(dl.mul(w, dl.detach(w)));
    dl.backward(loss);
    expect(w.grad!.toArray()).toEqual([2]);
  });

  it("backward(non-scalar) throws ShapeError unless gradOut is given", () => {
    const w = dl.tensor([1, 2], { requiresGrad: true });
    const y = dl.mul(w, 2);
    expect(() => dl.backward(y)).toThrow(
      /backward: the root must have one element .* got shape \[2\]/,
    );
    dl.backward(y, dl.tensor([1, 10]));
    expect(w.grad!.toArray()).toEqual([2, 20]);
  });
});
