/**
 * The guard that keeps executed copies off the sources: an output path is refused when it is, once
 * every symbolic link on the way is followed, a source notebook's path, or when the file already
 * there is a source (the same file through a symlink or a hard link). `--out .`, `--out
 * notebooks/..` and an --out folder that is a link to the sources' folder all land on a source.
 *
 * Example:
 *   checkOutputPath("executed/notebooks/01-neuron.ipynb", ["notebooks/01-neuron.ipynb"]); // fine
 *   checkOutputPath("notebooks/01-neuron.ipynb", ["notebooks/01-neuron.ipynb"]); // OutputPathError
 */
import { existsSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { OutputPathError } from "./errors";

/** `path` with every existing folder on the way resolved through its links (the file need not exist). */
export function realTarget(path: string): string {
  let dir = resolve(path);
  const rest: string[] = [];
  while (!existsSync(dir) && dirname(dir) !== dir) {
    rest.unshift(basename(dir));
    dir = dirname(dir);
  }
  try {
    return join(realpathSync(dir), ...rest);
  } catch {
    return resolve(path); // a folder we may not read: compared as written
  }
}

/** Device and inode of the file at `path` (links followed), or null when there is none. */
function identity(path: string): string | null {
  try {
    const stat = statSync(path);
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return null;
  }
}

/** Throws OutputPathError when writing `out` would replace one of `sources`. */
export function checkOutputPath(out: string, sources: readonly string[]): void {
  const target = realTarget(out);
  const existing = identity(out);
  for (const source of sources) {
    const same =
      realTarget(source) === target || (existing !== null && existing === identity(source));
    if (same) {
      throw new OutputPathError(
        `the executed copy would be written to ${out}, which is the source notebook ${source}${
          resolve(out) === resolve(source) ? "" : ` (${target})`
        }; the runner never overwrites a source: choose an --out folder outside the sources (default: executed)`,
      );
    }
  }
}
