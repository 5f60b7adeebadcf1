// A student's progress in one lesson, kept in the browser's localStorage: the cells they edited
// (by cell id; kept until they reset the lesson) and the exercises they passed (a passed exercise
// stays passed). An entry that cannot be read is moved aside, never silently dropped or trusted.

/** What is kept per lesson. */
export interface Progress {
  /** Cell id → the student's source, for every cell that differs from the lesson's. */
  edits: Record<string, string>;
  /** Ids of the exercises passed, in the order they were passed. */
  passed: string[];
}

/** Why a load did not give the stored progress. */
export type StorageProblem = "corrupt" | "unavailable";

export interface LoadedProgress {
  progress: Progress;
  problem?: StorageProblem;
  /** For "corrupt": the key under which the unreadable text was kept. */
  backupKey?: string;
}

const VERSION = 1;

/** The localStorage key of a lesson's progress: `course-progress:02-perceptron`. */
export const progressKey = (slug: string): string => `course-progress:${slug}`;
const backupKeyOf = (slug: string): string => `course-progress-unreadable:${slug}`;

export const emptyProgress = (): Progress => ({ edits: {}, passed: [] });

/** The browser's localStorage, or null where it cannot be used (disabled, or a sandboxed page). */
export function browserStorage(): Storage | null {
  try {
    const storage = window.localStorage;
    const probe = "course-progress-probe";
    storage.setItem(probe, "1");
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

/** Parses a stored entry; null when it is not a version-1 progress record. */
export function parseProgress(text: string): Progress | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const record = value as { version?: unknown; edits?: unknown; passed?: unknown };
  if (record.version !== VERSION) return null;
  const { edits, passed } = record;
  if (typeof edits !== "object" || edits === null || Array.isArray(edits)) return null;
  if (!Object.values(edits).every((s) => typeof s === "string")) return null;
  if (!Array.isArray(passed) || !passed.every((id) => typeof id === "string")) return null;
  return { edits: { ...(edits as Record<string, string>) }, passed: [...new Set(passed)] };
}

/**
 * Loads a lesson's progress. A missing entry is empty progress; an unreadable one is moved to a
 * backup key (so nothing is destroyed) and reported as "corrupt", and the lesson starts afresh.
 */
export function loadProgress(storage: Storage | null, slug: string): LoadedProgress {
  if (storage === null) return { progress: emptyProgress(), problem: "unavailable" };
  let text: string | null;
  try {
    text = storage.getItem(progressKey(slug));
  } catch {
    return { progress: emptyProgress(), problem: "unavailable" };
  }
  if (text === null) return { progress: emptyProgress() };
  const progress = parseProgress(text);
  if (progress !== null) return { progress };
  const backupKey = backupKeyOf(slug);
  try {
    storage.setItem(backupKey, text);
    storage.removeItem(progressKey(slug));
  } catch {
    // A full storage keeps the bad entry; it is ignored and overwritten by the next save.
  }
  return { progress: emptyProgress(), problem: "corrupt", backupKey };
}

/** Saves a lesson's progress; false when the browser refused (storage full or disabled). */
export function saveProgress(storage: Storage | null, slug: string, progress: Progress): boolean {
  if (storage === null) return false;
  try {
    storage.setItem(progressKey(slug), JSON.stringify({ version: VERSION, ...progress }));
    return true;
  } catch {
    return false;
  }
}

/** Forgets a lesson's progress (Reset lesson). */
export function clearProgress(storage: Storage | null, slug: string): void {
  try {
    storage?.removeItem(progressKey(slug));
  } catch {
    // nothing stored, or storage disabled: nothing to forget
  }
}
