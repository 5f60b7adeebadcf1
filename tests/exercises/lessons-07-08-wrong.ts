// Plausible wrong answers of lessons 7–8's checks and the targeted message each must get
// (spread into WRONG in catalog.test.ts; tests/exercises/lesson-07.test.ts and lesson-08.test.ts use them).
import * as s07 from "../../lib/exercises/solutions/lesson-07";

const flip = (k: number[][]): number[][] => k.map((r) => [...r].reverse()).reverse();
const transpose = (k: number[][]): number[][] => k[0].map((_, j) => k.map((r) => r[j]));

export const WRONG_07 = {
  conv2d: [
    {
      answer: (s: number[][], k: number[][]) => s07.conv2d(s, flip(k)),
      mistake: /flipped the kernel/,
    },
    { answer: (s: number[][], k: number[][]) => s07.conv2d(s, transpose(k)), mistake: /swapped/ },
    {
      answer: (s: number[][], k: number[][]) =>
        s07
          .conv2d(s, k)
          .slice(0, -1)
          .map((r) => r.slice(0, -1)),
      mistake: /one row or column short/,
    },
    {
      // "same" size: the loops run over every source position, with zeros outside
      answer: (s: number[][], k: number[][]) =>
        s.map((row, i) =>
          row.map((_, j) => {
            let sum = 0;
            for (let u = 0; u < k.length; u++)
              for (let v = 0; v < k[0].length; v++) {
                const si = i + u - Math.floor(k.length / 2);
                const sj = j + v - Math.floor(k.length / 2);
                sum += (s[si]?.[sj] ?? 0) * k[u][v];
              }
            return sum;
          }),
        ),
      mistake: /as many rows as the source/,
    },
    {
      // `let sum = 0` above the loop over j
      answer: (s: number[][], k: number[][]) => {
        const out: number[][] = [];
        for (let i = 0; i + k.length <= s.length; i++) {
          const row: number[] = [];
          let sum = 0;
          for (let j = 0; j + k[0].length <= s[0].length; j++) {
            for (let u = 0; u < k.length; u++)
              for (let v = 0; v < k[0].length; v++) sum += s[i + u][j + v] * k[u][v];
            row.push(sum);
          }
          out.push(row);
        }
        return out;
      },
      mistake: /Start every destination value from 0/,
    },
  ],
  outputSize: [
    {
      answer: (n: number, k: number, p: number, s: number) => Math.floor((n + 2 * p - k) / s),
      mistake: /forgot the \+ 1/,
    },
    {
      answer: (n: number, k: number, p: number, s: number) => Math.floor((n + p - k) / s) + 1,
      mistake: /n \+ 2p/,
    },
    { answer: (n: number, k: number, p: number) => n + 2 * p - k + 1, mistake: /stride divides/ },
    {
      answer: (n: number, k: number, p: number, s: number) => (n + 2 * p - k) / s + 1,
      mistake: /Math\.floor/,
    },
    {
      answer: (n: number, k: number, p: number, s: number) => Math.ceil((n + 2 * p - k) / s) + 1,
      mistake: /Round down, not up/,
    },
  ],
  maxPool: [
    {
      answer: (x: number[][], size: number) =>
        s07
          .maxPool(
            x.map((r) => r.map((v) => -v)),
            size,
          )
          .map((r) => r.map((v) => -v)),
      mistake: /smallest value/,
    },
    {
      answer: (x: number[][], size: number) => {
        const out: number[][] = [];
        for (let i = 0; i + size <= x.length; i += size) {
          const row: number[] = [];
          for (let j = 0; j + size <= x[0].length; j += size) {
            let sum = 0;
            for (let u = 0; u < size; u++) for (let v = 0; v < size; v++) sum += x[i + u][j + v];
            row.push(sum / (size * size));
          }
          out.push(row);
        }
        return out;
      },
      mistake: /average pooling/,
    },
    {
      answer: (x: number[][], size: number) =>
        x
          .slice(0, x.length - size + 1)
          .map((r, i) =>
            r
              .slice(0, r.length - size + 1)
              .map((_, j) =>
                Math.max(...x.slice(i, i + size).flatMap((row) => row.slice(j, j + size))),
              ),
          ),
      mistake: /overlap/,
    },
    {
      answer: (x: number[][], size: number) => {
        const out: number[][] = [];
        for (let i = 0; i + size <= x.length; i += size) {
          const row: number[] = [];
          for (let j = 0; j + size <= x[0].length; j += size) {
            let best = 0;
            for (let u = 0; u < size; u++)
              for (let v = 0; v < size; v++) if (x[i + u][j + v] > best) best = x[i + u][j + v];
            row.push(best);
          }
          out.push(row);
        }
        return out;
      },
      mistake: /not from 0/,
    },
    {
      answer: (x: number[][], size: number) => {
        const out: number[][] = [];
        for (let i = 0; i < x.length; i += size) {
          const row: number[] = [];
          for (let j = 0; j < x[0].length; j += size) {
            const window = x.slice(i, i + size).flatMap((r) => r.slice(j, j + size));
            row.push(Math.max(...window));
          }
          out.push(row);
        }
        return out;
      },
      mistake: /left over at the end are not used/,
    },
  ],
  sharedParams: [
    { answer: 1898, mistake: /Not all 1898/ },
    { answer: 650, mistake: /NOT shared/ },
    { answer: 72 + 1152, mistake: /bias is added at every position/ },
    { answer: 80, mistake: /second one's 16 filters/ },
    { answer: 1168, mistake: /first convolution's 8 filters/ },
  ],
  predictedRanking: [
    { answer: ["MLP", "CNN", "linear"], mistake: /CNN does better than the MLP/ },
    { answer: ["CNN", "linear", "MLP"], mistake: /hidden layer does help/ },
    { answer: ["linear", "MLP", "CNN"], mistake: /lowest to highest/ },
    { answer: ["MLP", "linear", "CNN"], mistake: /comes first, not last/ },
    { answer: ["linear", "CNN", "MLP"], mistake: /comes last; the CNN first/ },
  ],
};

export const WRONG_08 = {
  l2Gradient: [
    { answer: (w: number[], p: number) => w.map((wi) => p * wi), mistake: /forgot the 2/ },
    { answer: (w: number[]) => w.map((wi) => 2 * wi), mistake: /Where is p/ },
    { answer: (w: number[], p: number) => w.map((wi) => p * Math.sign(wi)), mistake: /L1 penalty/ },
    {
      answer: (w: number[], p: number) => w.map((wi) => p * wi * wi),
      mistake: /not their derivative/,
    },
  ],
  invertedDropout: [
    {
      answer: (x: number[], p: number, u: number[]) => x.map((xi, i) => (u[i] < p ? 0 : xi)),
      mistake: /did not scale/,
    },
    {
      answer: (x: number[], p: number, u: number[]) => x.map((xi, i) => (u[i] < p ? 0 : xi / p)),
      mistake: /not by p/,
    },
    {
      answer: (x: number[], p: number, u: number[]) =>
        x.map((xi, i) => (u[i] < p ? 0 : xi * (1 - p))),
      mistake: /test-time rule/,
    },
    {
      answer: (x: number[], p: number, u: number[]) =>
        x.map((xi, i) => (u[i] < p ? xi / (1 - p) : 0)),
      mistake: /mask is inverted/,
    },
    {
      answer: (x: number[], p: number, u: number[]) =>
        x.map((xi, i) => (u[i] <= p ? 0 : xi / (1 - p))),
      mistake: /A draw equal to p is kept/,
    },
  ],
  l1Gradient: [
    { answer: (w: number[], p: number) => w.map((wi) => 2 * p * wi), mistake: /L2 penalty's/ },
    { answer: (w: number[], p: number) => w.map((wi) => p * wi), mistake: /not w:/ },
    { answer: (w: number[]) => w.map((wi) => Math.sign(wi)), mistake: /Where is p/ },
    { answer: (w: number[], p: number) => w.map((wi) => (wi === 0 ? 0 : p)), mistake: /not p\./ },
    {
      answer: (w: number[], p: number) => w.map((wi) => p * Math.abs(wi)),
      mistake: /terms p·\|w\|/,
    },
    {
      answer: (w: number[], p: number) => w.map((wi) => (wi >= 0 ? p : -p)),
      mistake: /sign\(0\) = 0/,
    },
  ],
  patience: [
    { answer: 0, mistake: /cannot stop at the best epoch itself/ },
    { answer: 1, mistake: /stops at epoch 13/ },
    { answer: 16, mistake: /16 is the best epoch/ },
    { answer: 3, mistake: /A patience of 3/ },
    { answer: 10, mistake: /10 reaches epoch 16 too/ },
  ],
  predictedStopEpoch: [
    { answer: 16, mistake: /does not stop at the best epoch itself/ },
    { answer: 10, mistake: /best epoch \+ patience/ },
    { answer: 60, mistake: /does stop early/ },
    { answer: 27, mistake: /One too many/ },
    { answer: 25, mistake: /One too few/ },
  ],
  padCrop: [
    {
      // the shift the other way: out[i][j] = image[i − (top − p)][j − (left − p)]
      answer: (x: number[][], p: number, top: number, left: number) =>
        x.map((row, i) => row.map((_, j) => x[i - top + p]?.[j - left + p] ?? 0)),
      mistake: /moved the other way/,
    },
    {
      answer: (x: number[][], p: number, top: number, left: number) =>
        x.map((row, i) => row.map((_, j) => x[i + left - p]?.[j + top - p] ?? 0)),
      mistake: /Rows and columns are swapped/,
    },
    {
      // np.roll-style: a circular shift
      answer: (x: number[][], p: number, top: number, left: number) => {
        const [h, w] = [x.length, x[0].length];
        return x.map((row, i) =>
          row.map((_, j) => x[(i + top - p + h) % h][(j + left - p + w) % w]),
        );
      },
      mistake: /wrapped around/,
    },
    {
      answer: (x: number[][], p: number) => {
        const padded = Array.from({ length: x.length + 2 * p }, () =>
          new Array<number>(x[0].length + 2 * p).fill(0),
        );
        x.forEach((row, i) => row.forEach((v, j) => (padded[i + p][j + p] = v)));
        return padded;
      },
      mistake: /did not crop/,
    },
    {
      answer: (x: number[][], p: number, top: number, left: number) =>
        x.map((row, i) => row.map((_, j) => x[i + top]?.[j + left] ?? 0)),
      mistake: /count in the padded image/,
    },
  ],
};
