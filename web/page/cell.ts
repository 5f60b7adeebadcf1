// One code cell of the page made runnable: the exporter's static markup (highlighted code, `[n]`,
// the executed outputs) becomes an editor with a Run button, a count that says `[*]` while it runs,
// and an output area. The static outputs stay until the cell runs (and come back on Reset lesson).
import type { EditorView } from "@codemirror/view";
import { createEditor, setEditorText, type EditorHooks } from "./editor";
import type { ExecuteResult, KernelOutput } from "./kernel";
import type { Displays } from "./displays";
import { OutputArea } from "./outputs";

/** What `window.course.cells()` reports of a cell. */
export type CellStatus = "idle" | "running" | "ok" | "error";

export interface CellOptions {
  /** Position among the page's code cells, from 0. */
  index: number;
  total: number;
  id: string;
  source: string;
  tags: string[];
  displays: Displays;
  hooks: EditorHooks;
}

export class RunnableCell {
  readonly index: number;
  readonly id: string;
  readonly original: string;
  readonly tags: string[];
  readonly raisesException: boolean;
  status: CellStatus = "idle";
  executionCount: number | null = null;
  /** This session's outputs (display updates applied once the run ends). */
  outputs: KernelOutput[] = [];
  readonly editor: EditorView;
  private readonly prompt: HTMLElement;
  private readonly staticPrompt: string;
  private readonly staticOutputs: HTMLElement | null;
  private readonly area: OutputArea;
  private readonly runButton: HTMLButtonElement;

  constructor(
    readonly element: HTMLElement,
    options: CellOptions,
  ) {
    this.index = options.index;
    this.id = options.id;
    this.original = options.source;
    this.tags = options.tags;
    this.raisesException = options.tags.includes("raises-exception");
    const input = element.querySelector<HTMLElement>(".cell-input") ?? element;
    this.prompt = input.querySelector<HTMLElement>(".prompt") ?? document.createElement("span");
    this.staticPrompt = this.prompt.textContent ?? "";
    const name = `cell ${options.index + 1} of ${options.total}`;
    this.runButton = document.createElement("button");
    this.runButton.type = "button";
    this.runButton.className = "cell-run";
    this.runButton.textContent = "▶";
    this.runButton.setAttribute("aria-label", `Run code ${name}`);
    this.runButton.title = "Run this cell (Ctrl+Enter; Shift+Enter runs and moves on)";
    const bar = document.createElement("div");
    bar.className = "cell-bar";
    this.prompt.classList.add("prompt");
    bar.append(this.runButton, this.prompt);
    const holder = document.createElement("div");
    holder.className = "cell-editor";
    const code = input.querySelector("pre");
    if (code !== null) code.replaceWith(holder);
    else input.append(holder);
    input.prepend(bar);
    this.editor = createEditor(holder, options.source, {
      label: `Code ${name}, TypeScript`,
      describedBy: "course-editor-help",
      hooks: options.hooks,
    });
    this.staticOutputs = element.querySelector<HTMLElement>(":scope > .outputs");
    const live = document.createElement("div");
    live.className = "outputs live-outputs";
    live.setAttribute("role", "group");
    live.setAttribute("aria-label", `Output of code ${name}`);
    live.hidden = true;
    element.append(live);
    this.area = new OutputArea(live, options.displays);
    element.classList.add("runnable");
  }

  source(): string {
    return this.editor.state.doc.toString();
  }

  setSource(text: string): void {
    if (text !== this.source()) setEditorText(this.editor, text);
  }

  onRunClick(handler: () => void): void {
    this.runButton.addEventListener("click", handler);
  }

  focus(): void {
    this.editor.focus();
  }

  /** Waiting in the queue: Jupyter's `[*]`. */
  markQueued(): void {
    this.setPrompt("[*]", "queued");
  }

  /** The run starts: the static outputs give way to this run's. */
  markRunning(): void {
    this.status = "running";
    this.outputs = [];
    this.staticOutputs?.remove();
    this.area.clear();
    this.area.element.hidden = false;
    this.setPrompt("[*]", "running");
    this.element.setAttribute("aria-busy", "true");
  }

  output(o: KernelOutput): void {
    this.area.add(o);
  }

  finish(result: ExecuteResult): void {
    this.area.flush();
    this.outputs = result.outputs;
    this.executionCount = result.executionCount;
    this.status = result.status === "ok" ? "ok" : "error";
    this.setPrompt(`[${result.executionCount}]`, this.status);
    this.element.removeAttribute("aria-busy");
  }

  /** A queued run that did not happen (an earlier cell failed, or Interrupt): back to the last state. */
  unqueue(): void {
    if (this.status === "running") return; // queued again while running: the run goes on
    const shown = this.executionCount === null ? this.staticPrompt : `[${this.executionCount}]`;
    this.setPrompt(shown, this.status);
  }

  /** Reset lesson: the original source, the page's static outputs and count. */
  reset(): void {
    this.setSource(this.original);
    this.area.clear();
    this.area.element.hidden = true;
    if (this.staticOutputs !== null && !this.staticOutputs.isConnected)
      this.area.element.before(this.staticOutputs);
    this.outputs = [];
    this.executionCount = null;
    this.status = "idle";
    this.setPrompt(this.staticPrompt, "idle");
  }

  private setPrompt(text: string, state: string): void {
    this.prompt.textContent = text;
    this.element.dataset.state = state;
  }
}
