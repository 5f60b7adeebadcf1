// Plausible wrong answers of lessons 4–6's checks and the targeted message each must get
// (spread into WRONG in catalog.test.ts; tests/exercises/lesson-04-06.test.ts use them too).

const f = (z: number): number => 1 / (1 + Math.exp(-z));

export const WRONG_04 = {
  aliceOutput: [
    { answer: 2 * f(-1) - f(0.5) - 0.5, mistake: /weighted sum z/ },
    { answer: f(2 * f(-1) - f(0)), mistake: /left out the biases/ },
    { answer: f(2 * f(133 - 65) - f(-0.5 * 133 + 65 + 0.5) - 0.5), mistake: /centred inputs/ },
    { answer: f(2 * f(-1.5) - f(1.5) - 0.5), mistake: /w2 multiplies x2/ },
    { answer: f(2 * f(1) - f(-1) - 0.5), mistake: /Swapped inputs/ },
  ],
  hiddenUnits: [
    { answer: 2, mistake: /N = 2/ },
    { answer: 8, mistake: /smallest/ },
    { answer: 16, mistake: /not the smallest/ },
  ],
  predictedConstantMse: [
    { answer: 0.5, mistake: /squares it/ },
    { answer: 1, mistake: /sum of the squared errors/ },
  ],
};
