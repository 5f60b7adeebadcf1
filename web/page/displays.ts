// The displays on the page that have an id (`transient.display_id`), so that an
// update_display_data finds them in any cell, as Jupyter does. Updates are coalesced: while one is
// being drawn (a Vega-Lite chart takes tens of ms of the main thread), only the latest waiting one
// is kept, and the old display stays until the new one is drawn, so a live training chart neither
// flickers nor queues up drawing work that the page cannot keep up with.
import { renderBundle, whenDrawn } from "./outputs";

export class Displays {
  private readonly shown = new Map<string, Set<HTMLElement>>();
  private readonly waiting = new Map<string, Record<string, unknown>>();
  private readonly drawing = new Set<string>();

  /** Records a display just shown. */
  register(id: string, element: HTMLElement): void {
    const set = this.shown.get(id) ?? new Set<HTMLElement>();
    set.add(element);
    this.shown.set(id, set);
  }

  /** Forgets the displays inside `container` (its cell is cleared or runs again). */
  forget(container: HTMLElement): void {
    for (const set of this.shown.values()) {
      for (const el of set) if (container.contains(el)) set.delete(el);
    }
  }

  /** Replaces every display with this id by the new bundle (the latest one, once drawn). */
  update(id: string, data: Record<string, unknown>): void {
    this.waiting.set(id, data);
    if (!this.drawing.has(id)) void this.drawNext(id);
  }

  private async drawNext(id: string): Promise<void> {
    const data = this.waiting.get(id);
    if (data === undefined) return;
    this.waiting.delete(id);
    this.drawing.add(id);
    try {
      const replaced = [...(this.shown.get(id) ?? [])].map((old) => {
        const element = renderBundle(data);
        return { old, element, drawn: whenDrawn(element) };
      });
      for (const { old, element, drawn } of replaced) {
        await drawn;
        if (!old.isConnected || !this.shown.get(id)?.has(old)) continue; // cleared meanwhile
        old.replaceWith(element);
        this.shown.get(id)?.delete(old);
        this.register(id, element);
      }
    } finally {
      this.drawing.delete(id);
    }
    if (this.waiting.has(id)) await this.drawNext(id);
  }
}
