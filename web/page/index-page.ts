// The index's progress: under each lesson, how many of its exercises this browser has seen passed
// ("3 of 5 exercises passed"), read from the same localStorage entries as the lesson pages. The
// exporter embeds each lesson's exercises as `<script type="application/json" id="course-lessons">`.
import { browserStorage, loadProgress } from "./storage";

interface LessonEntry {
  slug: string;
  exercises: string[];
}

function readLessons(doc: Document): LessonEntry[] {
  try {
    const value = JSON.parse(doc.getElementById("course-lessons")?.textContent ?? "[]") as unknown;
    if (!Array.isArray(value)) return [];
    return value.filter(
      (l): l is LessonEntry =>
        typeof l === "object" &&
        l !== null &&
        typeof l.slug === "string" &&
        Array.isArray(l.exercises) &&
        l.exercises.every((id: unknown) => typeof id === "string"),
    );
  } catch {
    return [];
  }
}

/** Adds each lesson's progress to the index; notes (visibly) any entry that could not be read. */
export function showIndexProgress(doc: Document): void {
  const storage = browserStorage();
  const unreadable: string[] = [];
  for (const lesson of readLessons(doc)) {
    const link = doc.querySelector(`.lesson-entry a[href="${CSS.escape(lesson.slug)}.html"]`);
    const entry = link?.closest(".lesson-entry");
    if (entry == null || lesson.exercises.length === 0) continue;
    const loaded = loadProgress(storage, lesson.slug);
    if (loaded.problem === "corrupt") unreadable.push(lesson.slug);
    const passed = lesson.exercises.filter((id) => loaded.progress.passed.includes(id)).length;
    const edited = Object.keys(loaded.progress.edits).length > 0;
    const line = doc.createElement("p");
    line.className = "lesson-progress";
    line.dataset.passed = String(passed);
    const bar = doc.createElement("progress");
    bar.max = lesson.exercises.length;
    bar.value = passed;
    bar.setAttribute("aria-hidden", "true");
    const text = doc.createElement("span");
    text.textContent =
      `${passed} of ${lesson.exercises.length} exercises passed` +
      (edited && passed < lesson.exercises.length ? " · your edits are saved" : "");
    line.append(bar, text);
    entry.append(line);
  }
  if (unreadable.length > 0) {
    const notice = doc.createElement("p");
    notice.className = "course-notice course-notice-warning";
    notice.setAttribute("role", "alert");
    notice.textContent =
      `The saved progress of ${unreadable.join(", ")} could not be read, so it starts afresh ` +
      "(the unreadable entry was kept aside in this browser's storage).";
    doc.querySelector("main h1")?.after(notice);
  }
}
