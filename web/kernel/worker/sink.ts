/**
 * Where everything a cell prints or displays goes: batched into one message every FLUSH_MS (a loop
 * that prints a line per step must not flood the page with messages), consecutive streams merged,
 * a display updated many times between two flushes sent once with its last state. A cell's stream
 * text is cut at MAX_STREAM_CHARS and its displays at MAX_DISPLAYS, each with a notice, so a huge
 * print cannot freeze the page.
 *
 * Example:
 *   const sink = new OutputSink((message) => postMessage(message));
 *   sink.begin(7); sink.stream("stdout", "hi\n"); sink.end();   // posts { kind: "outputs", id: 7, … }
 */
import type { FromWorker, KernelOutput } from "../protocol";

/** Characters of stdout + stderr one cell may print before the rest is dropped. */
export const MAX_STREAM_CHARS = 500_000;
/** display_data outputs one cell may add (updates in place do not count). */
export const MAX_DISPLAYS = 500;
const FLUSH_MS = 50;

export class OutputSink {
  private id = 0;
  private pending: KernelOutput[] = [];
  private streamed = 0;
  private displays = 0;
  private truncated = false;
  private lastFlush = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly post: (message: FromWorker) => void) {}

  /** A new cell starts: outputs go to it, with fresh limits. */
  begin(id: number): void {
    this.flush();
    this.id = id;
    this.streamed = 0;
    this.displays = 0;
    this.truncated = false;
  }

  /** The cell ended: everything it printed goes out now (later output still goes to it). */
  end(): void {
    this.flush();
  }

  stream(name: "stdout" | "stderr", text: string): void {
    if (text === "") return;
    const room = MAX_STREAM_CHARS - this.streamed;
    if (room <= 0) {
      this.notice(`stream output`);
      return;
    }
    const kept = text.length > room ? text.slice(0, room) : text;
    this.streamed += kept.length;
    const last = this.pending[this.pending.length - 1];
    if (last?.output_type === "stream" && last.name === name) last.text += kept;
    else this.pending.push({ output_type: "stream", name, text: kept });
    if (kept.length < text.length) this.notice("stream output");
    this.schedule();
  }

  display(output: KernelOutput): void {
    if (output.output_type === "update_display_data") {
      const id = output.transient.display_id;
      const last = this.pending[this.pending.length - 1];
      if (last?.output_type === "update_display_data" && last.transient.display_id === id) {
        this.pending[this.pending.length - 1] = output;
      } else {
        this.pending.push(output);
      }
    } else if (output.output_type === "display_data" && ++this.displays > MAX_DISPLAYS) {
      this.notice("displays");
      return;
    } else {
      this.pending.push(output);
    }
    this.schedule();
  }

  private notice(what: string): void {
    if (this.truncated) return;
    this.truncated = true;
    const limit =
      what === "displays"
        ? `${MAX_DISPLAYS} displays`
        : `${MAX_STREAM_CHARS.toLocaleString("en-US")} characters`;
    this.pending.push({
      output_type: "stream",
      name: "stderr",
      text: `\n[output truncated: this cell's ${what} passed the browser kernel's limit of ${limit}; the rest is not shown]\n`,
    });
  }

  /** Flushes now if the last flush is FLUSH_MS old (a long synchronous loop), else soon. */
  private schedule(): void {
    const now = Date.now();
    if (now - this.lastFlush >= FLUSH_MS) {
      this.flush();
      return;
    }
    this.timer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  private flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.lastFlush = Date.now();
    if (this.pending.length === 0) return;
    const outputs = this.pending;
    this.pending = [];
    this.post({ kind: "outputs", id: this.id, outputs });
  }
}
