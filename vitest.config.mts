import { defineConfig } from "vitest/config";

// Two projects: "unit" (lib, tools, fixtures) and "course", whose global setup executes every lesson
// once; its tests read those executed notebooks and open the exported site in Chromium.
const COURSE_TESTS = [
  "tests/notebooks/**/*.test.ts",
  "tests/export/site.test.ts",
  "tests/web/kernel-lessons.test.ts",
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/**/*.test.ts"], exclude: COURSE_TESTS },
      },
      {
        extends: true,
        test: {
          name: "course",
          include: COURSE_TESTS,
          globalSetup: ["tests/course/global-setup.ts"],
        },
      },
    ],
  },
});
