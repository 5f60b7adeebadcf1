/**
 * Starting and stopping the course's hub (deploy/jupyterhub/start-hub.sh) in test mode on 127.0.0.1,
 * and its REST API with the test-only admin token. Used by the load test.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** A running test hub: its URL, admin token, state folder, and its REST API. */
export class TestHub {
  log = "";
  private constructor(
    readonly url: string,
    readonly token: string,
    readonly state: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly root: string,
    private child: ChildProcess,
  ) {}

  /** Starts the hub with its state in `state`; resolves when its API answers. */
  static async start(root: string, state: string): Promise<TestHub> {
    const token = randomBytes(24).toString("hex");
    const [port, hubPort, proxyPort] = [await freePort(), await freePort(), await freePort()];
    const env = {
      ...process.env,
      COURSE_HUB_MODE: "test",
      COURSE_HUB_STATE: state,
      COURSE_HUB_PORT: String(port),
      COURSE_HUB_API_PORT: String(hubPort),
      COURSE_PROXY_API_PORT: String(proxyPort),
      COURSE_HUB_TEST_TOKEN: token,
    };
    const hub = new TestHub(
      `http://127.0.0.1:${port}`,
      token,
      state,
      env,
      root,
      TestHub.launch(root, env),
    );
    await hub.ready();
    return hub;
  }

  private static launch(root: string, env: NodeJS.ProcessEnv): ChildProcess {
    return spawn(join(root, "deploy", "jupyterhub", "start-hub.sh"), [], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
  }

  private async ready(): Promise<void> {
    const keep = (chunk: Buffer): void =>
      void (this.log = (this.log + chunk.toString()).slice(-20_000));
    this.child.stdout?.on("data", keep);
    this.child.stderr?.on("data", keep);
    for (let i = 0; i < 480; i++) {
      if (this.child.exitCode !== null)
        throw new Error(`the hub exited (${this.child.exitCode}):\n${this.log}`);
      if (
        await this.api("GET", "/").then(
          (r) => r.ok,
          () => false,
        )
      )
        return;
      await sleep(250);
    }
    throw new Error(`the hub did not answer within 120 s:\n${this.log}`);
  }

  /** A request to the hub's REST API (`/hub/api` + path) with the admin token. */
  api(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${this.url}/hub/api${path}`, {
      method,
      headers: { Authorization: `token ${this.token}`, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  /** Starts `user`'s server and resolves with the seconds until it is ready. */
  async startServer(user: string): Promise<number> {
    const start = Date.now();
    const response = await this.api("POST", `/users/${user}/server`);
    if (![201, 202, 400].includes(response.status))
      throw new Error(`starting ${user}: ${response.status}`);
    for (;;) {
      const model = (await (await this.api("GET", `/users/${user}`)).json()) as {
        servers?: { ""?: { ready?: boolean } };
      };
      if (model.servers?.[""]?.ready === true) return (Date.now() - start) / 1000;
      if (Date.now() - start > 600_000)
        throw new Error(`${user}'s server was not ready after 600 s`);
      await sleep(250);
    }
  }

  /** Stops the hub process only (the students' servers keep running: cleanup_servers is off). */
  async stopHubOnly(): Promise<void> {
    if (this.child.pid !== undefined && this.child.exitCode === null)
      process.kill(this.child.pid, "SIGTERM");
    for (let i = 0; i < 100 && this.child.exitCode === null; i++) await sleep(100);
  }

  /** Starts the hub again on the same state and ports. */
  async restart(): Promise<void> {
    this.child = TestHub.launch(this.root, this.env);
    await this.ready();
  }

  /** Stops every user's server, then the hub and its proxy. */
  async stop(users: readonly string[]): Promise<void> {
    await Promise.all(
      users.map((user) => this.api("DELETE", `/users/${user}/server`).catch(() => undefined)),
    );
    await sleep(2_000);
    if (this.child.pid !== undefined && this.child.exitCode === null)
      process.kill(-this.child.pid, "SIGTERM");
    await sleep(2_000);
    // The proxy runs in a session of its own: stop it too if the hub did not.
    try {
      process.kill(Number(readFileSync(join(this.state, "proxy.pid"), "utf8")), "SIGTERM");
    } catch {
      // already gone
    }
  }
}
