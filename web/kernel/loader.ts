/**
 * Brings the kernel's code into the page and makes the worker's Blob URL. From a file:// page a
 * worker cannot load files (`new Worker(file)` and `importScripts` fail, `fetch` is blocked), but
 * `<script src>` works: each asset script stores its JavaScript source as a string under
 * `self.__dlKernelAssets[name]`, and the worker is started from a Blob of those strings.
 * The scripts are added on the first call only (the TypeScript compiler is most of their weight).
 *
 * Example:
 *   const url = await loadWorkerUrl("assets/kernel/");   // "blob:…"
 *   new Worker(url);
 */
import { ASSET_REGISTRY, KERNEL_ASSETS } from "./protocol";

const loading = new Map<string, Promise<string>>();

/** The Blob URL of the worker, built once per assets folder. */
export function loadWorkerUrl(assetsUrl: string): Promise<string> {
  const base = assetsUrl.endsWith("/") ? assetsUrl : `${assetsUrl}/`;
  let url = loading.get(base);
  if (url === undefined) {
    url = Promise.all(KERNEL_ASSETS.map((name) => loadAsset(base, name))).then((sources) => {
      const parts = sources.flatMap((source) => [source, "\n;\n"]);
      return URL.createObjectURL(new Blob(parts, { type: "text/javascript" }));
    });
    // A failed load may be retried later (say, after the file was restored).
    url.catch(() => loading.delete(base));
    loading.set(base, url);
  }
  return url;
}

/** Adds `<script src="{base}{name}">` unless its source is already registered; resolves to it. */
function loadAsset(base: string, name: string): Promise<string> {
  const registry = assetRegistry();
  if (typeof registry[name] === "string") return Promise.resolve(registry[name]);
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = base + name;
    script.async = true;
    script.dataset.kernelAsset = name;
    script.onload = () => {
      const source = assetRegistry()[name];
      if (typeof source === "string") resolve(source);
      else reject(new Error(`${script.src} loaded but did not register "${name}"`));
    };
    script.onerror = () => {
      script.remove();
      reject(new Error(`${script.src} could not be loaded (is the site complete?)`));
    };
    document.head.appendChild(script);
  });
}

function assetRegistry(): Record<string, string> {
  const scope = globalThis as unknown as Record<string, Record<string, string> | undefined>;
  return (scope[ASSET_REGISTRY] ??= {});
}
