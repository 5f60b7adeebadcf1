// Bundles the browser side of the course (web/) with esbuild into build/web/, where the exporter
// finds what the site's pages load: web/page/main.ts → build/web/course-page.js (a lesson page made
// runnable: editors, toolbar, outputs, progress, window.course), web/page/index-main.ts →
// course-index.js (the index's progress, without the editor), web/page/page.css → course-page.css.
// Part of `npm run build`. `node tools/build-web.cjs --watch` rebuilds on change.
const path = require("node:path");
const esbuild = require("esbuild");

const root = path.join(__dirname, "..");
const out = path.join(root, "build", "web");

/** One browser script: an IIFE (pages load it with a plain <script src>, which works from file://). */
const scripts = [
  { entry: "web/page/main.ts", outfile: "course-page.js" },
  { entry: "web/page/index-main.ts", outfile: "course-index.js" },
];
const stylesheets = [{ entry: "web/page/page.css", outfile: "course-page.css" }];

const common = {
  bundle: true,
  minify: true,
  sourcemap: false,
  logLevel: "warning",
  absWorkingDir: root,
};

async function main() {
  const watch = process.argv.includes("--watch");
  const jobs = [
    ...scripts.map((s) => ({
      ...common,
      entryPoints: [s.entry],
      outfile: path.join(out, s.outfile),
      format: "iife",
      target: ["chrome100", "firefox100", "safari15"],
      platform: "browser",
    })),
    ...stylesheets.map((s) => ({
      ...common,
      entryPoints: [s.entry],
      outfile: path.join(out, s.outfile),
    })),
  ];
  if (watch) {
    for (const job of jobs) await (await esbuild.context(job)).watch();
    console.log("build-web: watching web/ …");
    return;
  }
  await Promise.all(jobs.map((job) => esbuild.build(job)));
}

main().catch((error) => {
  console.error(`build-web: ${error.message}`);
  process.exit(1);
});
