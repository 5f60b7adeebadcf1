/**
 * `node --experimental-websocket build/tools/hub/run-cell.js HUB_URL USER TOKEN NOTEBOOK CODE`: opens
 * NOTEBOOK (a path in USER's server) with a tslab kernel behind the hub, runs CODE, prints `{ status, text }` as JSON, and
 * shuts the kernel down. The hub test runs it (its vitest worker has no WebSocket on Node 20).
 */
import { HubKernel } from "./hub-kernel";

async function main(): Promise<number> {
  const [hub, user, token, notebook, code] = process.argv.slice(2);
  const kernel = await HubKernel.open(hub, user, token, notebook);
  try {
    const result = await kernel.execute(code, 120_000);
    console.log(JSON.stringify({ status: result.status, text: result.text }));
    return result.status === "ok" ? 0 : 1;
  } finally {
    await kernel.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: Error) => (console.error(e.message), process.exit(2)),
);
