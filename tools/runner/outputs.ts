/**
 * Turning a cell's iopub messages into nbformat outputs, as Jupyter's front ends do.
 *
 * Example:
 *   const outputs: Output[] = [];
 *   collectOutputs(outcome.messages, outputs, new Map());
 */
import type { JupyterMessage } from "./wire";

/** One nbformat 4 output. */
export type Output =
  | { output_type: "stream"; name: string; text: string }
  | {
      output_type: "display_data";
      data: Record<string, unknown>;
      metadata: Record<string, unknown>;
    }
  | {
      output_type: "execute_result";
      execution_count: number | null;
      data: Record<string, unknown>;
      metadata: Record<string, unknown>;
    }
  | { output_type: "error"; ename: string; evalue: string; traceback: string[] };

/** Outputs shown with a transient display_id, by id, so that updates find them (across cells). */
export type DisplayIndex = Map<string, Output[]>;

type Bundle = { data: Record<string, unknown>; metadata: Record<string, unknown> };

function bundleOf(content: Record<string, unknown>): Bundle {
  return {
    data: (content.data as Record<string, unknown>) ?? {},
    metadata: (content.metadata as Record<string, unknown>) ?? {},
  };
}

function displayIdOf(content: Record<string, unknown>): string | undefined {
  return (content.transient as { display_id?: string } | undefined)?.display_id;
}

/**
 * Appends the outputs carried by `messages` to `outputs`, as Jupyter does: consecutive streams of
 * the same name merge; update_display_data rewrites, in place, every output shown with its display_id
 * (the id itself is transient and not saved).
 */
export function collectOutputs(
  messages: readonly JupyterMessage[],
  outputs: Output[],
  displays: DisplayIndex,
): void {
  for (const { header, content } of messages) {
    const type = header.msg_type;
    const last = outputs[outputs.length - 1];
    if (type === "stream") {
      const name = String(content.name);
      const text = String(content.text);
      if (last?.output_type === "stream" && last.name === name) last.text += text;
      else outputs.push({ output_type: "stream", name, text });
    } else if (type === "display_data" || type === "execute_result") {
      const output: Output =
        type === "display_data"
          ? { output_type: "display_data", ...bundleOf(content) }
          : {
              output_type: "execute_result",
              execution_count: (content.execution_count as number) ?? null,
              ...bundleOf(content),
            };
      outputs.push(output);
      const id = displayIdOf(content);
      if (id !== undefined) displays.set(id, [...(displays.get(id) ?? []), output]);
    } else if (type === "update_display_data") {
      for (const target of displays.get(displayIdOf(content) ?? "") ?? []) {
        if (target.output_type !== "stream" && target.output_type !== "error") {
          Object.assign(target, bundleOf(content));
        }
      }
    } else if (type === "error") {
      outputs.push({
        output_type: "error",
        ename: String(content.ename),
        evalue: String(content.evalue),
        traceback: (content.traceback as string[]) ?? [],
      });
    }
  }
}
