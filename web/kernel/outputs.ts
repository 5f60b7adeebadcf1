/**
 * One cell's outputs as Jupyter's front ends keep them: consecutive streams of the same name merge,
 * an update_display_data rewrites the output shown with its display_id in place. Every output is
 * also passed on, as it came, to the page's callback.
 *
 * Example:
 *   const c = new OutputCollector((o) => render(o));
 *   c.add({ output_type: "stream", name: "stdout", text: "a\n" });
 *   c.add({ output_type: "stream", name: "stdout", text: "b\n" }); // c.outputs: one stream, "a\nb\n"
 */
import type { KernelOutput } from "./protocol";

export class OutputCollector {
  readonly outputs: KernelOutput[] = [];

  constructor(private readonly onOutput?: (o: KernelOutput) => void) {}

  add(output: KernelOutput): void {
    this.keep(output);
    try {
      this.onOutput?.(output);
    } catch (error) {
      console.error("BrowserKernel: onOutput threw", error);
    }
  }

  private keep(output: KernelOutput): void {
    const last = this.outputs[this.outputs.length - 1];
    if (output.output_type === "stream") {
      if (last?.output_type === "stream" && last.name === output.name) {
        this.outputs[this.outputs.length - 1] = { ...last, text: last.text + output.text };
      } else {
        this.outputs.push({ ...output });
      }
    } else if (output.output_type === "update_display_data") {
      const id = output.transient.display_id;
      this.outputs.forEach((shown, i) => {
        if (shown.output_type === "display_data" && shown.transient?.display_id === id) {
          this.outputs[i] = { ...shown, data: output.data, metadata: output.metadata };
        }
      });
    } else {
      this.outputs.push(output);
    }
  }
}
