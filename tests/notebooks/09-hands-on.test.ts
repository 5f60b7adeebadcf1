// Lesson 9 executed through the tslab kernel (unsolved and solved): the generator's peaks, the
// train-only standardisation, the session's network, ROC/AUC, the 50 % efficiency cut, saved
// weights, CSV, and the paper's table on our events, in the lesson's own printed numbers.
import { describe, expect, it } from "vitest";
import { expectChartBundles, expectCheckMarks, lessonNotebooks, outputOf } from "./helpers";

const lesson = lessonNotebooks("09-hands-on");

/**
 * The rows of a printed table whose first column is one of `names`: name → its first `columns`
 * numbers (a display's text may run into the next printed line).
 */
function tableRows(
  text: string,
  names: readonly string[],
  columns: number,
): Record<string, number[]> {
  const rows: Record<string, number[]> = {};
  for (const line of text.split("\n")) {
    const name = names.find((n) => line.startsWith(`${n}  `));
    const numbers = line.slice(name?.length ?? 0).match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? [];
    if (name !== undefined) rows[name] = numbers.slice(0, columns).map(Number);
  }
  return rows;
}

describe.each(lesson.names)("%s executed", (name) => {
  it("the events: 10000 of them, half signal, a fifth accepted, HIGGS's names", () => {
    const text = outputOf(lesson.executed(name), "const N = 10000");
    expect(text).toContain(
      'masses (GeV): {"w":80.4,"top":172.5,"h":125,"hCharged":325,"hNeutral":425,"b":4.7}\n',
    );
    expect(text).toMatch(/x: \[ 10000, 28 \]\s+y: \[ 10000, 1 \]/);
    expect(text).toMatch(/signal events: 5000\n/);
    expect(text).toMatch(/events kept by the detector: signal 0\.218\s+background 0\.228/);
    expect(text).toMatch(/low-level: lepton_pT, lepton_eta, .*jet_4_b-tag\n/);
    expect(text).toMatch(/high-level: m_jj, m_jjj, m_lv, m_jlv, m_bb, m_wbb, m_wwbb\n/);
  });

  it("the peaks: m_bb at 125 GeV for the signal, m_jjj and m_jlv at m_t for the background", () => {
    const text = outputOf(lesson.executed(name), "function byClass");
    const rows = tableRows(text, ["m_bb", "m_jjj", "m_jlv", "m_wwbb", "lepton_pT"], 2);
    expect(rows).toEqual({
      m_bb: [125, 95],
      m_jjj: [172.5, 172.5],
      m_jlv: [187.5, 172.5],
      m_wwbb: [437.5, 412.5],
      lepton_pT: [33.75, 33.75],
    });
  });

  it("standardisation fitted on the training split: exactly 0 and 1 there only", () => {
    const text = outputOf(lesson.executed(name), "const nTrain = 0.6 * N");
    const rows = tableRows(text, ["train", "validation", "test"], 3);
    expect(rows.train[0]).toBe(6000);
    expect(Math.abs(rows.train[1])).toBeLessThan(1e-12);
    expect(rows.train[2]).toBe(1);
    expect(rows.validation).toEqual([2000, 0.0142, 1.026]);
    expect(rows.test).toEqual([2000, -0.0006285, 0.9685]);
  });

  it("the session's network and its regularised versions, on the test set", () => {
    const nb = lesson.executed(name);
    expect(outputOf(nb, "function makeNet")).toMatch(/parameters: 3001\n/);
    const rows = tableRows(
      outputOf(nb, "const withDropout"),
      ["28-100-1, dropout 0.2", "28-100-1, L2 0.0001", "28-100-1"],
      4,
    );
    expect(rows).toEqual({
      "28-100-1": [30, 30, 0.906, 0.963],
      "28-100-1, dropout 0.2": [30, 29, 0.91, 0.9646],
      "28-100-1, L2 0.0001": [30, 30, 0.9065, 0.9633],
    });
  });

  it("ROC and AUC: the small curve, its AUC 2/3, the 50 % efficiency cut", () => {
    const nb = lesson.executed(name);
    expect(outputOf(nb, "const curves = ")).toContain(
      'a small ROC curve: {"fpr":[0,0,0.5,0.5,0.5,1],"tpr":[0,0.3333333333333333,0.3333333333333333,0.6666666666666666,1,1]}',
    );
    expect(outputOf(nb, "const smallAuc")).toMatch(/AUC of the small curve: 0\.6667\n/);
    expect(outputOf(nb, "const testScores")).toMatch(
      /threshold \(a logit\): 2\.967\nsignal efficiency 0\.500, background efficiency 0\.012, background rejection 0\.988\n/,
    );
  });

  it("saved weights load back exactly; a wrong architecture and a ragged CSV row are named errors", () => {
    const nb = lesson.executed(name);
    const weights = outputOf(nb, "const saved = ");
    expect(weights).toMatch(/the loaded model predicts exactly the same scores: true\n/);
    expect(weights).toMatch(
      /ShapeError: loadWeights: the architectures differ at module 1: the file has 0: Linear\(28 → 100\), the model has 0: Linear\(21 → 100\)/,
    );
    const csv = outputOf(nb, "const rows = [0, 1, 2]");
    expect(csv).toMatch(/rows: 3\s+m_bb: 96\.7, 28\.1, 127\.9\nx: \[ 3, 28 \]\n/);
    expect(csv).toMatch(/FormatError: readCsv: line 3 has 1 fields, expected 2/);
  });

  it("the paper's table: our AUCs beside the paper's, and the ranking the lesson discusses", () => {
    const nb = lesson.executed(name);
    const text = outputOf(nb, "const featureSets");
    const runs = ["shallow, low-level", "shallow, high-level", "shallow, all"];
    const deep = ["deep, low-level", "deep, high-level", "deep, all"];
    const rows = tableRows(text, [...runs, ...deep], 4);
    // columns: epochs, best epoch, our AUC, the paper's AUC
    expect(rows).toEqual({
      "shallow, low-level": [30, 30, 0.8075, 0.733],
      "shallow, high-level": [30, 30, 0.9684, 0.777],
      "shallow, all": [30, 30, 0.963, 0.816],
      "deep, low-level": [9, 4, 0.7748, 0.88],
      "deep, high-level": [22, 17, 0.9716, 0.8],
      "deep, all": [12, 7, 0.9466, 0.885],
    });
    expect(text).toMatch(/deep minus shallow on low-level: -0\.033\n/);
    expect(text).toMatch(/best shallow \(high-level\) minus deep on low-level: 0\.194\n/);
    expect(outputOf(nb, "const ranking = ")).toMatch(
      /highest first: shallow, high-level > shallow, low-level > deep, low-level\n/,
    );
  });

  it("draws its charts as bundles with an SVG fallback", () => {
    expectChartBundles(lesson.executed(name), { atLeast: 3 });
  });

  it("exercise checks: not attempted unsolved, passed solved", () => {
    expectCheckMarks(lesson.executed(name), name, [
      "09-standardize-splits",
      "09-keras-model",
      "09-trapezoid-auc",
      "09-threshold",
      "09-predict-ranking",
    ]);
  });
});
