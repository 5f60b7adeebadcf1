/**
 * The course's JupyterHub (deploy/jupyterhub) started on 127.0.0.1 in test mode, with two users
 * created through the REST API: each one's server starts, their home is seeded with the lessons, and a
 * cell that uses the course's engine runs in each one's own kernel through the hub's proxy (websocket).
 * Skipped, with a message, where Debian's jupyterhub is not installed (`.ci/run` installs it).
 */
import { spawn, execFile, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = resolve(__dirname, "..", "..");
const missing = [
  "/usr/bin/jupyterhub",
  "/usr/bin/jupyterhub-singleuser",
  "/usr/bin/configurable-http-proxy",
].filter((path) => !existsSync(path));
if (missing.length > 0)
  console.warn(
    `tests/hub: skipped, not installed: ${missing.join(", ")} (apt-get install -y jupyterhub jupyter-notebook jupyter-client; .ci/run does it)`,
  );

const freePort = (): Promise<number> =>
  new Promise((done) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

describe.skipIf(missing.length > 0)("the course's JupyterHub on localhost", () => {
  const state = mkdtempSync(join(tmpdir(), "course-hub-test-"));
  const token = randomBytes(24).toString("hex");
  const users = ["ann", "ben"];
  let hub: ChildProcess;
  let url = "";
  let log = "";

  const api = async (method: string, path: string, body?: unknown): Promise<Response> =>
    fetch(`${url}/hub/api${path}`, {
      method,
      headers: { Authorization: `token ${token}`, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    const [port, hubPort, proxyPort] = [await freePort(), await freePort(), await freePort()];
    url = `http://127.0.0.1:${port}`;
    hub = spawn(join(root, "deploy", "jupyterhub", "start-hub.sh"), [], {
      env: {
        ...process.env,
        COURSE_HUB_MODE: "test",
        COURSE_HUB_STATE: state,
        COURSE_HUB_PORT: String(port),
        COURSE_HUB_API_PORT: String(hubPort),
        COURSE_PROXY_API_PORT: String(proxyPort),
        COURSE_HUB_TEST_TOKEN: token,
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    hub.stdout?.on("data", (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000)));
    hub.stderr?.on("data", (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000)));
    for (let i = 0; i < 240; i++) {
      if (hub.exitCode !== null) throw new Error(`the hub exited (${hub.exitCode}):\n${log}`);
      const ok = await api("GET", "/").then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await sleep(500);
    }
    throw new Error(`the hub did not answer within 120 s:\n${log}`);
  }, 180_000);

  afterAll(async () => {
    for (const user of users) await api("DELETE", `/users/${user}/server`).catch(() => undefined);
    await sleep(2_000);
    if (hub?.pid !== undefined && hub.exitCode === null) process.kill(-hub.pid, "SIGTERM");
    await sleep(2_000);
    rmSync(state, { recursive: true, force: true });
  }, 60_000);

  it("creates two students through the REST API and starts their servers", async () => {
    expect((await api("POST", "/users", { usernames: users })).status).toBe(201);
    for (const user of users)
      expect([201, 202]).toContain((await api("POST", `/users/${user}/server`)).status);
    for (const user of users) {
      let ready = false;
      for (let i = 0; i < 240 && !ready; i++) {
        const model = (await (await api("GET", `/users/${user}`)).json()) as {
          servers?: { ""?: { ready?: boolean } };
        };
        ready = model.servers?.[""]?.ready === true;
        if (!ready) await sleep(500);
      }
      expect(ready, `${user}'s server did not become ready:\n${log}`).toBe(true);
      // Seeded on first login: their own copy of the lessons, and the engine linked beside it.
      const home = join(state, "homes", user, "course");
      expect(readFileSync(join(home, "notebooks", "00-welcome.ipynb"), "utf8")).toBe(
        readFileSync(join(root, "notebooks", "00-welcome.ipynb"), "utf8"),
      );
      expect(existsSync(join(home, "dist", "index.js"))).toBe(true);
    }
  }, 180_000);

  it("runs a cell of each student in their own kernel through the proxy, with the course's engine", async () => {
    const run = (user: string) =>
      promisify(execFile)(
        process.execPath,
        [
          "--experimental-websocket",
          join(root, "build", "tools", "hub", "run-cell.js"),
          url,
          user,
          token,
          "course/notebooks/00-welcome.ipynb",
          'import * as dl from "../dist";\nconsole.log(process.cwd(), dl.tensor([[1, 2]]).mul(3).sum().item());',
        ],
        { timeout: 240_000 },
      );
    const results = await Promise.all(users.map(run));
    users.forEach((user, i) => {
      const { status, text } = JSON.parse(results[i].stdout) as { status: string; text: string };
      expect(status).toBe("ok");
      expect(text).toBe(`${join(state, "homes", user, "course", "notebooks")} 9\n`);
    });
  }, 300_000);
});
