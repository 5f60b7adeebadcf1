// A code cell's outputs to HTML: streams and errors as escaped text (never interpreted), display
// bundles by MIME priority (bundle.ts). Each output that cannot be shown is skipped with a warning
// naming it and its MIME type; the others are still shown.
import { renderBundle, type Needs, type OutputContext } from "./bundle";
import { applyCarriageReturns, escapeHtml, stripAnsi } from "./html";
import { joinText, type Output } from "./notebook";

export type { Needs, OutputContext } from "./bundle";

/** The HTML of a cell's outputs and the scripts they need. */
export interface RenderedOutputs {
  html: string;
  needs: Needs;
}

function renderError(output: Output): string {
  const traceback = stripAnsi((output.traceback ?? []).join("\n"));
  const head = `${output.ename ?? "Error"}: ${output.evalue ?? ""}`;
  const body = traceback.includes(output.evalue ?? "\u0000") ? traceback : `${head}\n${traceback}`;
  return `<pre class="output-error" role="alert">${escapeHtml(body.trim() || head)}</pre>`;
}

/** Merges consecutive stream outputs of the same stream, as Jupyter shows them. */
function mergeStreams<T extends Output>(outputs: T[]): T[] {
  const merged: T[] = [];
  for (const output of outputs) {
    const prev = merged[merged.length - 1];
    if (
      output.output_type === "stream" &&
      prev?.output_type === "stream" &&
      prev.name === output.name
    ) {
      merged[merged.length - 1] = { ...prev, text: joinText(prev.text) + joinText(output.text) };
    } else merged.push(output);
  }
  return merged;
}

/**
 * Renders a code cell's outputs in order (the runner stores update_display outputs in their final
 * state). Untrusted unless `context.trusted`; problems go to `context.warn` as "output K (mime): …".
 * Example: `renderOutputs([{ output_type: "stream", name: "stdout", text: "1 < 2\n" }]).html`
 * is `<pre class="output-stream stdout">1 &lt; 2\n</pre>`.
 */
export function renderOutputs(
  outputs: Output[],
  context: OutputContext = { trusted: false },
): RenderedOutputs {
  const needs: Needs = { vega: false, plotly: false };
  const numbered = outputs.map((output, k) => ({ ...output, number: k + 1 }));
  const parts = mergeStreams(numbered).map((output) => {
    switch (output.output_type) {
      case "stream": {
        const body = applyCarriageReturns(stripAnsi(joinText(output.text)));
        // A blank stream (tslab prints an empty line for a quiet last expression) shows nothing.
        if (body.trim() === "") return "";
        return `<pre class="output-stream ${output.name === "stderr" ? "stderr" : "stdout"}">${escapeHtml(body)}</pre>`;
      }
      case "error":
        return renderError(output);
      case "display_data":
      case "execute_result": {
        const warn = (mime: string, message: string): void =>
          context.warn?.(`output ${output.number} (${mime}): ${message}`);
        return renderBundle(output.data ?? {}, { ...context, needs, warn });
      }
      default:
        return "";
    }
  });
  return { html: parts.join("\n"), needs };
}
