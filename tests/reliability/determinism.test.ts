// Same seed, same numbers — here and on any other machine. Golden values of the Rng streams, the
// initialisers, a toy data set and a seeded training run are pinned, so a change of arithmetic, of
// iteration order or a hidden source of randomness shows up as a failing number.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeKernels } from "../each-kernels";
import * as dl from "../../lib/index";

/** Equal up to 1e-12 relative: room for nothing but a last-bit difference of a libm function. */
function expectNumbers(got: ArrayLike<number>, want: number[]): void {
  expect(got.length).toBe(want.length);
  Array.from(got).forEach((g, i) => {
    expect(Math.abs(g - want[i]), `index ${i}: ${g} vs ${want[i]}`).toBeLessThanOrEqual(
      1e-12 * Math.max(1, Math.abs(want[i])),
    );
  });
}

function seededRun() {
  const model = new dl.nn.Sequential([
    new dl.nn.Linear(2, 4, { seed: 1 }),
    new dl.nn.Tanh(),
    new dl.nn.Linear(4, 1, { seed: 2 }),
    new dl.nn.Sigmoid(),
  ]);
  const history = dl.train.fit(model, dl.data.xorGate(), {
    epochs: 200,
    batchSize: 2,
    shuffle: true,
    rng: dl.rng(4),
    loss: dl.nn.binaryCrossEntropy,
    optimizer: new dl.optim.SGD(model.parameters(), { lr: 0.5, momentum: 0.9 }),
    display: "none",
  });
  return { history, weight: Array.from(model.parameters()[0].data) };
}

// Every suite below runs under both kernel implementations (tests/each-kernels.ts).
describeKernels("determinism", () => {
  describe("golden numbers of seeded streams", () => {
    it.each([
      [0, [609994695, 3002680967, 3326627503, 2979034333, 501143742]],
      [1, [1608336407, 1990310018, 1483619830, 3469955947, 2361186479]],
      [42, [3882964438, 1177149777, 1632668721, 3033756285, 2556624650]],
      [2 ** 40, [3754081292, 882685595, 383966249, 1017487516, 2838452988]],
    ])("rng(%d).nextUint32() × 5 is exactly %j", (seed, want) => {
      const r = dl.rng(seed);
      expect(Array.from({ length: 5 }, () => r.nextUint32())).toEqual(want);
    });

    it("rng(7): uniform, normal, int and permutation, in that order", () => {
      const r = dl.rng(7);
      expectNumbers([r.uniform(), r.uniform(-1, 1)], [0.857243831967935, 0.38878647051751614]);
      expectNumbers(
        [r.normal(), r.normal(2, 3), r.normal()],
        [-1.265194040146599, 4.063796430729068, 0.03978409703907993],
      );
      expect(Array.from({ length: 6 }, () => r.int(0, 10))).toEqual([3, 4, 3, 0, 9, 5]);
      expect(r.permutation(8)).toEqual([7, 2, 3, 1, 0, 5, 6, 4]);
    });

    it("randn, a Linear layer's Glorot weights and blobs, from their seeds", () => {
      expectNumbers(
        dl.randn([4], dl.rng(3)).data,
        [-0.12651038804070405, 0.11241553116217792, -1.5380484212332608, 2.0345326903025605],
      );
      expectNumbers(
        new dl.nn.Linear(2, 2, { seed: 5 }).weight.data,
        [-0.09002562427759009, 0.7654054327142066, 0.37080201251191847, 0.026752902765491582],
      );
      const b = dl.data.blobs({ n: 3, rng: dl.rng(9) });
      expectNumbers(
        b.x.data,
        [
          2.8403353443230444, -0.6865640749518606, -1.2485885298498136, 1.570565049946417,
          -0.6820888013325463, -2.553503279813028,
        ],
      );
      expect(Array.from(b.y.data)).toEqual([0, 1, 2]);
    });
  });

  describe("a seeded training run", () => {
    it("XOR 2-4-1, shuffled mini-batches, SGD momentum: pinned losses and first-layer weights", () => {
      const { history, weight } = seededRun();
      expectNumbers(
        [history.loss[0], history.loss[9], history.loss[99], history.loss[199]],
        [0.9305210125239609, 0.7284984839025381, 0.0012822164237571276, 0.0007743658752813537],
      );
      expectNumbers(
        weight,
        [
          -3.828279123652594, 2.6378287739070188, -4.620450715943229, 3.6163109115804306,
          2.0140992988121025, 3.633778860504655, 5.1437834841502275, -2.1245249183955393,
        ],
      );
    });

    it("runs twice in one process with bit-identical histories (no hidden state between runs)", () => {
      const a = seededRun();
      const b = seededRun();
      expect(b.history.loss).toEqual(a.history.loss);
      expect(b.weight).toEqual(a.weight);
    });
  });

  describe("no hidden sources of randomness in lib/", () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? files(join(dir, e.name))
          : e.name.endsWith(".ts")
            ? [join(dir, e.name)]
            : [],
      );
    // Date.now is allowed only for elapsed time and for display ids (unique per kernel session, so a
    // re-run never updates an older output); neither reaches a number that a lesson computes.
    const DATE_ALLOWED = ["lib/train/fit.ts", "lib/show/plotly.ts", "lib/show/live-training.ts"];

    it("no Math.random anywhere; Date only where it times or names a display", () => {
      for (const file of files("lib")) {
        const code = readFileSync(file, "utf8").replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, "");
        expect(code, file).not.toMatch(/Math\.random|crypto\.random|performance\.now/);
        if (!DATE_ALLOWED.includes(file)) expect(code, file).not.toMatch(/\bDate\b/);
      }
    });
  });
});
