// The lecture's convolution example (lesson 7), stated once for every test that pins it: the 8x8
// source layer S, the 3x3 kernel K, the whole 6x6 destination layer and the 4x4 pooling layer.
// Written out independently of lib/exercises/lessons/lesson-07.ts, which the lesson's checks use.

// prettier-ignore
export const SOURCE = [
  [5, 2, 6, 8, 2, 0, 1, 2], [4, 3, 4, 5, 1, 9, 6, 3], [3, 9, 2, 4, 7, 7, 6, 9], [1, 3, 4, 6, 8, 2, 2, 1],
  [8, 4, 6, 2, 3, 1, 8, 8], [5, 8, 9, 0, 1, 0, 2, 3], [9, 2, 6, 6, 3, 6, 2, 1], [9, 8, 8, 2, 6, 3, 4, 5],
];
export const KERNEL = [
  [-1, 0, 1],
  [2, 1, 2],
  [1, -2, 0],
];
// The whole destination layer, D[i][j] = Σ_u Σ_v S[i+u][j+v]·K[u][v] (e.g. D[0][1] = −2+0+8 + 6+4+10 + 9−4+0 = 31).
// prettier-ignore
export const DESTINATION = [
  [5, 31, 5, 11, 15, 27], [14, 25, 11, 23, 42, 30], [12, 9, 37, 23, 22, -5],
  [24, 11, 33, 3, 18, 21], [39, 13, 11, 0, 2, 17], [29, 6, 20, 17, 17, 14],
];
export const POOL = [
  [4, 1, 5, 0],
  [7, 8, 9, 8],
  [3, 5, 6, 5],
  [2, 4, 1, 0],
];
