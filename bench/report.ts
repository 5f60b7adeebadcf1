/** Aggregates the children's results into medians and our/peer ratios, as a table and as JSON. */
import { ENGINES, WORKLOADS, type Engine, type Result, type Workload } from "./protocol";
import { median } from "./timing";

/** One workload's row: medians per engine over the rounds, and our ratios to each peer. */
export interface Row {
  workload: Workload;
  unit: string;
  median: Record<Engine, number | null>;
  rounds: Record<Engine, (number | null)[]>;
  ratio: {
    tfjsCpu: number | null;
    tfjsWasm: number | null;
    torch: number | null;
    main: number | null;
  };
  target: string;
  met: boolean | null;
  checks: string[];
}

/** Issue 19's targets (torch: PyTorch with 2 threads, the default `--threads` on 2 cores). */
const TARGETS: Partial<Record<Workload, { text: string; met: (r: Row) => boolean | null }>> = {
  "W1-1024": { text: "≥ 1.1× tfjs-wasm", met: (r) => at(r.ratio.tfjsWasm, 1.1) },
  W2: { text: "≥ 0.4× torch", met: (r) => at(r.ratio.torch, 0.4) },
  W3: { text: "≥ 0.3× torch", met: (r) => at(r.ratio.torch, 0.3) },
  W4: { text: "≥ 1.0× tfjs-wasm", met: (r) => at(r.ratio.tfjsWasm, 1) },
};

function at(value: number | null, least: number): boolean | null {
  return value === null ? null : value >= least;
}

const ratio = (a: number | null, b: number | null): number | null =>
  a === null || b === null || b === 0 ? null : a / b;

/** Builds one row per workload measured from every round's results. */
export function summarise(results: readonly Result[]): Row[] {
  return WORKLOADS.flatMap((workload) => {
    const mine = results.filter((r) => r.workload === workload);
    if (mine.length === 0) return [];
    const rounds = {} as Record<Engine, (number | null)[]>;
    const med = {} as Record<Engine, number | null>;
    for (const engine of ENGINES) {
      rounds[engine] = mine.filter((r) => r.engine === engine).map((r) => r.value);
      const values = rounds[engine].filter((v): v is number => v !== null);
      med[engine] = values.length > 0 ? median(values) : null;
    }
    const row: Row = {
      workload,
      unit: mine[0].unit,
      median: med,
      rounds,
      ratio: {
        tfjsCpu: ratio(med.ours, med["tfjs-cpu"]),
        tfjsWasm: ratio(med.ours, med["tfjs-wasm"]),
        torch: ratio(med.ours, med.torch),
        main: ratio(med.ours, med["ours-main"]),
      },
      target: TARGETS[workload]?.text ?? "",
      met: null,
      checks: [
        ...new Set(mine.map((r) => `${r.engine}: ${r.check}${r.note ? ` (${r.note})` : ""}`)),
      ],
    };
    row.met = TARGETS[workload]?.met(row) ?? null;
    return [row];
  });
}

function fmt(v: number | null, digits = 2): string {
  if (v === null) return "n/a";
  return v >= 100 ? v.toFixed(0) : v.toFixed(digits);
}

function times(v: number | null, digits: number): string {
  return v === null ? "n/a" : `${fmt(v, digits)}×`;
}

/**
 * The rows as a Markdown table (what `npm run bench` prints and the README quotes), with the
 * "ours-main" columns (its median, the per-round ratios ours/ours-main) when it was measured.
 */
export function table(rows: readonly Row[]): string {
  const main = rows.some((r) => r.rounds["ours-main"].length > 0);
  const head = `| workload | unit | ours |${main ? " ours-main | ours/ours-main |" : ""} tfjs-cpu | tfjs-wasm | torch | ours/tfjs-cpu | ours/tfjs-wasm | ours/torch | target | met |`;
  const lines = [head, `|---|---|---|${main ? "---|---|" : ""}---|---|---|---|---|---|---|---|`];
  for (const r of rows) {
    const met = r.met === null ? "" : r.met ? "yes" : "no";
    const mainCells = main
      ? ` ${fmt(r.median["ours-main"])} | ${times(r.ratio.main, 2)} (${roundRatios(r)}) |`
      : "";
    lines.push(
      `| ${r.workload} | ${r.unit} | ${fmt(r.median.ours)} |${mainCells} ${fmt(r.median["tfjs-cpu"])} | ${fmt(r.median["tfjs-wasm"])} | ${fmt(r.median.torch)} | ${times(r.ratio.tfjsCpu, 1)} | ${times(r.ratio.tfjsWasm, 2)} | ${times(r.ratio.torch, 2)} | ${r.target} | ${met} |`,
    );
  }
  return lines.join("\n");
}

/** ours/ours-main round by round (the rounds interleave the two, so load hits both alike). */
function roundRatios(r: Row): string {
  const ours = r.rounds.ours;
  const main = r.rounds["ours-main"];
  return ours.map((v, i) => fmt(ratio(v, main[i] ?? null), 2)).join(", ");
}
