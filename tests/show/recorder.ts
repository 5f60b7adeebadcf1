// Captures what lib/show sends to tslab: replaces tslab's display hook with a recorder.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export interface Sent {
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  transient: { display_id?: string };
  update: boolean;
}

type Hook =
  | ((
      m: {
        data: Record<string, unknown>;
        metadata: Record<string, unknown>;
        transient: { display_id?: string };
      },
      u: boolean,
    ) => void)
  | null;

const jupyter = require("tslab/dist/jupyter") as { lastWriteDisplayData: Hook };

/** Installs a recorder as tslab's display hook; returns the list it fills and a restore function. */
export function recordDisplays(): { sent: Sent[]; restore: () => void } {
  const sent: Sent[] = [];
  const previous = jupyter.lastWriteDisplayData;
  jupyter.lastWriteDisplayData = (m, update) =>
    sent.push({ data: m.data, metadata: m.metadata, transient: m.transient, update });
  return { sent, restore: () => void (jupyter.lastWriteDisplayData = previous) };
}
