// The index's entry (assets/course-index.js): each lesson's progress, read from localStorage. Kept
// apart from the lesson pages' script so that the index does not load the editor.
import { showIndexProgress } from "./index-page";

try {
  showIndexProgress(document);
} catch (error) {
  console.error("course: the lessons' progress could not be shown:", error);
}
