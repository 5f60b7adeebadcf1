// Numbers that the prose of lessons 05–08 states and that are no output of the lesson, each with
// its reason (see prose-allow-00-04.ts for the format). lessons-b fills this file and empties
// pendingLessonsB.proseNumbers (tests/guards/pending-lessons-b.ts).
import type { NotAnOutput } from "./prose-allow-00-04";

export const PROSE_ALLOW_05_08: Record<string, readonly NotAnOutput[]> = {};
