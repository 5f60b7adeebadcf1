/**
 * The kernel's hook for sending display_data, or null outside a kernel. In Node that is tslab's:
 * inside a kernel, tslab's jupyter module is already loaded (resolved from dist/, it is the same
 * instance the kernel uses); outside one we only look it up in the module cache, because loading
 * tslab costs over a second. The browser kernel's worker installs its own writer instead
 * (./display-hook.browser.ts).
 * Example: kernelWriter()?.({ data: { "text/plain": "hi" }, metadata: {}, transient: {} }, false)
 */

/** MIME type → content: strings for text formats, JSON values for `application/…+json`. */
export type MimeBundle = Record<string, unknown>;

/** One display_data (or, with `update`, update_display_data) message's content. */
export interface DisplayMessage {
  data: MimeBundle;
  metadata: Record<string, unknown>;
  transient: { display_id?: string };
}
export type WriteDisplayData = (message: DisplayMessage, update: boolean) => void;

export function kernelWriter(): WriteDisplayData | null {
  try {
    const loaded = require.cache[require.resolve("tslab/dist/jupyter")];
    if (loaded === undefined) return null;
    const jupyter = loaded.exports as { lastWriteDisplayData: WriteDisplayData | null };
    return jupyter.lastWriteDisplayData ?? null;
  } catch {
    return null;
  }
}
