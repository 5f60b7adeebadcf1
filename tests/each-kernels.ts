// Runs a suite once per kernel implementation (lib/kernels: "fast", the default, and
// "reference", the plain loops), switching before its tests and back to "fast" after them.
import { afterAll, beforeAll, describe } from "vitest";
import { use } from "../lib/kernels/active";
import type { KernelName } from "../lib/kernels/kernels";
import type { FastOptions } from "../lib/kernels/fast";

/** The implementations every numeric suite runs under. */
export const KERNELS: readonly KernelName[] = ["fast", "reference"];

/** `describe.each` over the kernel implementations: `title (kernels fast)`, `title (kernels reference)`. */
export function describeKernels(title: string, suite: (name: KernelName) => void): void {
  describe.each(KERNELS)(`${title} (kernels %s)`, (name) => {
    beforeAll(() => use(name));
    afterAll(() => use("fast"));
    suite(name);
  });
}

/** The same, with the fast kernels' options (the "wasm" and "js" micro-kernels). */
export function describeFastOptions(title: string, suite: (options: FastOptions) => void): void {
  describe.each([{ matmul: "wasm" }, { matmul: "js" }] as const)(
    `${title} (fast, %o)`,
    (options) => {
      beforeAll(() => use("fast", options));
      afterAll(() => use("fast"));
      suite(options);
    },
  );
}
