import { describe, expect, it } from "vitest";
import * as dl from "../../lib/index";

describe("Value", () => {
  it("reproduces micrograd's README example (g = 24.7041, a.grad = 138.8338, b.grad = 645.5773)", () => {
    const a = dl.value(-4, "a");
    const b = dl.value(2, "b");
    let c = a.add(b);
    let d = a.mul(b).add(b.pow(3));
    c = c.add(c.add(1));
    c = c.add(dl.value(1).add(c).add(a.neg()));
    d = d.add(d.mul(2).add(b.add(a).relu()));
    d = d.add(dl.value(3).mul(d).add(b.sub(a).relu()));
    const e = c.sub(d);
    const f = e.pow(2);
    let g = f.div(2);
    g = g.add(dl.value(10).div(f));
    g.backward();
    expect(g.data).toBeCloseTo(24.7041, 4);
    expect(a.grad).toBeCloseTo(138.8338, 4);
    expect(b.grad).toBeCloseTo(645.5773, 4);
  });

  it("records op, label and parents for drawing the graph", () => {
    const a = dl.value(2, "a");
    const b = dl.value(-3, "b");
    const c = a.mul(b).named("c");
    expect(c.op).toBe("*");
    expect(c.label).toBe("c");
    expect(c.parents).toEqual([a, b]);
    expect(a.op).toBe("");
    expect(a.grad).toBe(0);
    expect(String(c)).toBe("Value(c: data=-6, grad=0)");
  });

  it.each([
    ["exp", (x: dl.Value) => x.exp(), Math.exp(0.5)],
    ["log", (x: dl.Value) => x.log(), 1 / 0.5],
    ["tanh", (x: dl.Value) => x.tanh(), 1 - Math.tanh(0.5) ** 2],
    [
      "sigmoid",
      (x: dl.Value) => x.sigmoid(),
      (1 / (1 + Math.exp(-0.5))) * (1 - 1 / (1 + Math.exp(-0.5))),
    ],
    ["relu", (x: dl.Value) => x.relu(), 1],
    ["neg", (x: dl.Value) => x.neg(), -1],
    ["div 1/x", (x: dl.Value) => dl.value(1).div(x), -1 / 0.25],
  ])("%s: derivative at 0.5", (_, f, expected) => {
    const x = dl.value(0.5);
    f(x).backward();
    expect(x.grad).toBeCloseTo(expected, 12);
  });

  it("input gradients accumulate across backward calls (intermediate ones do not double)", () => {
    const x = dl.value(3);
    const y = x.mul(x).add(1); // dy/dx = 2x = 6
    y.backward();
    y.backward();
    expect(x.grad).toBe(12);
  });

  it("agrees with the Tensor engine on the lecture's neuron: o = σ(w1·x1 + w2·x2 + b)", () => {
    const [x1, x2, w1, w2, b] = [-2, -1, 0.3, -0.7, 0.1];
    const vw1 = dl.value(w1);
    const vw2 = dl.value(w2);
    const vb = dl.value(b);
    const vo = vw1.mul(x1).add(vw2.mul(x2)).add(vb).sigmoid().sub(1).pow(2);
    vo.backward();
    const w = dl.tensor([[w1], [w2]], { requiresGrad: true });
    const tb = dl.tensor([b], { requiresGrad: true });
    const to = dl
      .tensor([[x1, x2]])
      .matmul(w)
      .add(tb)
      .sigmoid()
      .sub(1)
      .square()
      .sum();
    to.backward();
    expect(to.item()).toBeCloseTo(vo.data, 14);
    dl.assertClose(w.grad!, [[vw1.grad], [vw2.grad]], { rtol: 1e-12 });
    expect(tb.grad!.item()).toBeCloseTo(vb.grad, 14);
  });
});
