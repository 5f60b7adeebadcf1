// The course's tslab kernel (jupyter/kernels/tslab/start-kernel.cjs) through the runner's client:
// every line of a burst of output arrives, in order, with the idle status; big single outputs; a
// kernel that loses its idle status (plain tslab) does not make the runner wait out the cell limit;
// Kernel → Interrupt during fit prints one line and leaves the live display saying where it stopped.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KernelClient, type ExecuteOutcome } from "../../tools/runner/kernel";
import type { JupyterMessage } from "../../tools/runner/wire";

const streamText = (messages: readonly JupyterMessage[], name = "stdout"): string =>
  messages
    .filter((m) => m.header.msg_type === "stream" && m.content.name === name)
    .map((m) => String(m.content.text))
    .join("");

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

const numberedLines = (n: number, prefix = "line"): string =>
  Array.from({ length: n }, (_, i) => `${prefix} ${i}\n`).join("");

/** tslab started as the committed kernelspec started it before the course's launcher. */
const PLAIN_TSLAB = {
  argv: [
    "node",
    "-e",
    "require(require.resolve('tslab/dist/main.js', { paths: [process.cwd()] })).startKernel({ configPath: process.argv[1] })",
    "{connection_file}",
  ],
};

describe("the course kernel's output", () => {
  let kernel: KernelClient;
  beforeAll(async () => {
    kernel = await KernelClient.start({ cwd: "notebooks" });
    await kernel.execute("1", 60_000); // the first cell pays for loading TypeScript
  }, 180_000);
  afterAll(() => kernel?.shutdown());

  it.each([800, 5_000, 50_000])(
    "a loop of %i console.log: every line, in order, and the idle status",
    async (n) => {
      const start = Date.now();
      const outcome = await kernel.execute(
        `for (let i = 0; i < ${n}; i++) console.log("line " + i);`,
        120_000,
      );
      expect(outcome.status).toBe("ok");
      expect(outcome.idle).toBe(true);
      expect(streamText(outcome.messages)).toBe(numberedLines(n));
      expect(Date.now() - start).toBeLessThan(120_000);
    },
    180_000,
  );

  it("stdout, stderr and displays interleaved in a burst keep their order", async () => {
    const code = [
      'import * as tslab from "tslab";',
      "for (let i = 0; i < 3000; i++) {",
      '  if (i % 1000 === 0) tslab.display.text("display " + i);',
      '  (i % 2 === 0 ? console.log : console.error)("line " + i);',
      "}",
    ].join("\n");
    const outcome = await kernel.execute(code, 120_000);
    expect(outcome.status).toBe("ok");
    const sequence = outcome.messages.flatMap((m) =>
      m.header.msg_type === "stream"
        ? String(m.content.text)
            .trimEnd()
            .split("\n")
            .map((line) => `${m.content.name} ${line}`)
        : [`display ${(m.content.data as Record<string, string>)["text/plain"]}`],
    );
    const expected = Array.from({ length: 3000 }, (_, i) => [
      ...(i % 1000 === 0 ? [`display display ${i}`] : []),
      `${i % 2 === 0 ? "stdout" : "stderr"} line ${i}`,
    ]).flat();
    expect(sequence).toEqual(expected);
  }, 180_000);

  it("one 20 MB line and a 5 MB display arrive whole", async () => {
    const outcome = await kernel.execute(
      [
        'import * as tslab from "tslab";',
        'console.log("x".repeat(20_000_000));',
        'tslab.display.html("<p>" + "y".repeat(5_000_000) + "</p>");',
      ].join("\n"),
      120_000,
    );
    expect(outcome.status).toBe("ok");
    expect(streamText(outcome.messages)).toBe(`${"x".repeat(20_000_000)}\n`);
    const html = outcome.messages.find((m) => m.header.msg_type === "display_data");
    expect((html?.content.data as Record<string, string>)["text/html"]).toHaveLength(5_000_007);
  }, 180_000);

  it("output printed by a timer after its cell ended still goes to that cell", async () => {
    const outcome = await kernel.execute(
      'setTimeout(() => console.log("late"), 1500); console.log("now");',
      60_000,
    );
    expect(streamText(outcome.messages)).toBe("now\n");
    await sleep(4_000);
    expect(streamText(outcome.messages)).toBe("now\nlate\n");
  }, 120_000);
});

describe("the kernelspec outside the course", () => {
  it("with no launcher above the notebook's folder, it starts the tslab found from there", async () => {
    const folder = mkdtempSync(join(tmpdir(), "course-elsewhere-"));
    try {
      mkdirSync(join(folder, "node_modules"));
      symlinkSync(resolve("node_modules", "tslab"), join(folder, "node_modules", "tslab"));
      const kernel = await KernelClient.start({ cwd: folder });
      try {
        const outcome = await kernel.execute("console.log(process.cwd())", 60_000);
        expect(streamText(outcome.messages)).toBe(`${realpathSync(folder)}\n`);
        // Plain tslab: a late error is printed with tslab's own unlabelled prefix.
        const late = await kernel.execute('Promise.reject(new Error("x")); 1', 60_000);
        await sleep(1_000);
        expect(streamText(late.messages, "stderr")).toMatch(/^UnhandledPromiseRejection: Error: x/);
      } finally {
        await kernel.shutdown();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 180_000);
});

describe("a kernel that loses its idle status", () => {
  it("plain tslab drops the idle after a burst: the runner ends the cell on its reply, not its time limit", async () => {
    const kernel = await KernelClient.start({ cwd: "notebooks", spec: PLAIN_TSLAB });
    try {
      await kernel.execute("1", 60_000);
      const start = Date.now();
      const outcome: ExecuteOutcome = await kernel.execute(
        "for (let i = 0; i < 800; i++) console.log('line ' + i);",
        60_000,
      );
      expect(outcome.status).toBe("ok");
      expect(outcome.idle).toBe(false); // tslab's own bug, fixed by the course's launcher
      // A second of quiet after the reply ends the drain (nbclient's way), long before 60 s.
      expect(Date.now() - start).toBeLessThan(30_000);
      const next = await kernel.execute('console.log("next")', 60_000);
      expect(streamText(next.messages)).toBe("next\n");
    } finally {
      await kernel.shutdown();
    }
  }, 180_000);
});

describe("Kernel → Interrupt during fit", () => {
  it("prints one line (no stack) and the live display says where training stopped", async () => {
    const kernel = await KernelClient.start({ cwd: "notebooks" });
    try {
      const setup = await kernel.execute(
        [
          'import * as dl from "../dist";',
          "const rng = dl.rng(0);",
          "const data = dl.data.moons({ n: 200, rng: rng });",
          "const model = new dl.nn.Sequential([new dl.nn.Linear(2, 16, { rng: rng }), new dl.nn.Tanh(), new dl.nn.Linear(16, 1, { rng: rng })]);",
          "const optimizer = new dl.optim.SGD(model.parameters(), { lr: 0.05 });",
        ].join("\n"),
        120_000,
      );
      expect(setup.status).toBe("ok");
      const exchange = kernel.connection.sendExecute(
        "dl.train.fit(model, data, { epochs: 1_000_000, batchSize: 8, rng: rng, loss: dl.nn.mse, optimizer: optimizer })",
      );
      const displays = () =>
        exchange.messages.filter((m) => m.header.msg_type.endsWith("display_data"));
      const deadline = Date.now() + 90_000;
      while (displays().length === 0 && Date.now() < deadline) await sleep(100);
      expect(displays()[0].header.msg_type).toBe("display_data"); // training has started
      await sleep(1_000);
      await kernel.interrupt();
      const outcome = await kernel.connection.outcome(exchange, 30_000);
      expect(outcome.status).toBe("error");
      expect(streamText(outcome.messages, "stderr")).toBe(
        "Interrupted: the cell was stopped (Kernel → Interrupt)\n",
      );
      const last = displays()[displays().length - 1];
      expect(last.header.msg_type).toBe("update_display_data");
      const shown = last.content.data as Record<string, string>;
      expect(shown["text/plain"]).toMatch(
        /^interrupted in epoch \d+\/1000000 after step \d+\/25 · loss [\d.e-]+ · after \d\d:\d\d$/,
      );
      expect(shown["image/svg+xml"]).toContain("interrupted in epoch");
      expect(shown["image/png"]).toBeTypeOf("string"); // the state that stays has its PNG copy
      // The kernel is fine afterwards, and a later interrupt does not touch the old display.
      await sleep(500);
      const after = await kernel.execute("optimizer.steps > 0", 60_000);
      expect(streamText(after.messages)).toBe("true\n");
    } finally {
      await kernel.shutdown();
    }
  }, 240_000);
});
