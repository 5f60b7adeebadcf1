// The runnable page's entry (assets/course-page.js, loaded with `defer` by lesson and solution
// pages). A lesson page embeds its notebook (#course-notebook); it becomes a live notebook and
// exposes `window.course`. Without this script, or if it fails, the page stays the static page the
// exporter wrote.
import type { CourseApi } from "./api";
import { setUpLesson } from "./lesson";
import { readPageNotebook } from "./notebook";

declare global {
  interface Window {
    course?: CourseApi;
  }
}

function start(): void {
  const nb = readPageNotebook(document);
  if (nb !== null) {
    const api = setUpLesson(nb);
    if (api !== null) window.course = api;
  }
}

try {
  start();
} catch (error) {
  // The static page is still there; say why it is not runnable.
  console.error("course: this page could not be made runnable:", error);
}
