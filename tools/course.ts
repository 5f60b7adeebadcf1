/**
 * The course command line (`node build/tools/course.js`, or `npm start` for `all`).
 *
 *   course run [paths…] [--out DIR] [--jobs N] [--timeout S] [--continue-on-error]
 *   course export [--instructor] [--trust | --untrusted] [--in DIR] [--out DIR] [lessons…]
 *   course all [--instructor]   run every lesson (and solutions), then export the site
 *   course grade SUBMISSIONS… --out DIR   grade students' notebooks (tools/grade)
 *   course --help
 *
 * Each subcommand is one entry of COMMANDS: adding one is an import and a line.
 */
import { parseArgs } from "node:util";
import {
  formatResult,
  lessonPaths,
  runNotebooks,
  summaryLine,
  type RunManyOptions,
} from "./runner";
import { runExport } from "./export/cli";
import { ArgumentError, describeError } from "./runner/errors";
import { checkJobs, checkSeconds, parseNumber } from "./runner/options";
import { runGrade } from "./grade/cli";

/** A subcommand: takes its arguments, returns the process exit code. */
export type Command = (args: string[]) => Promise<number>;

const HELP = `Usage: course [command] [options]

Commands:
  run [paths…]   execute notebooks headlessly in the tslab kernel (default: every lesson and solution)
  export         write the site from the executed lessons: [--instructor] [--trust | --untrusted]
                 [--in DIR] [--out DIR] [lessons…] (default: every lesson of executed/notebooks into
                 site/; --instructor adds solutions)
  all            run every lesson, then export the site (what \`npm start\` does); the default command;
                 --instructor also runs the solution notebooks and adds them to the site
  grade SUBMISSIONS… --out DIR [--rubric FILE] [--jobs N] [--timeout S] [--memory MB]
                 run each student's notebook in a fresh kernel and grade every exercise (with the
                 rubric's points and hidden cases; default grading/rubric.json): DIR/grades.csv,
                 DIR/feedback/<student>.html; a notebook's student is the name of its folder
  help           show this help

Options of run:
  --out DIR              folder of the executed copies (default: executed)
  --jobs N               notebooks at once, one kernel each, 1 to 64 (default: number of cores)
  --timeout S            per-cell limit in seconds, over 0 and at most 86400
                         (default: the notebook's course.cellTimeout, else 60)
  --continue-on-error    run the remaining cells of a notebook after a failed cell

Trust (export): an executed notebook is trusted only when it is the course's own: a lesson or
solution committed under notebooks/ (git HEAD) with the same name and the same code cells. A
student's edited copy, or any other notebook, is untrusted: its HTML outputs are sanitised (no
script, style, frame, form, event handler or remote resource) and nothing from it runs; charts
are still drawn from their JSON. Markdown, text and images are sanitised or escaped in both modes.
  --trust                trust every notebook (HTML outputs kept as they are, scripts included)
  --untrusted            trust none, not even the course's own lessons
`;

/** Node's parseArgs errors (an unknown option, `--timeout -1`) as ArgumentErrors. */
function namedParseErrors<T>(parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    throw new ArgumentError((e as Error).message);
  }
}

/** Parses the options of `run`; throws ArgumentError for unknown options and bad values. */
export function parseRunArgs(args: string[]): { paths: string[]; options: RunManyOptions } {
  const { values, positionals } = namedParseErrors(() =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: "string" },
        jobs: { type: "string" },
        timeout: { type: "string" },
        "continue-on-error": { type: "boolean" },
      },
    }),
  );
  const { jobs, timeout } = values;
  const options: RunManyOptions = {
    outDir: values.out,
    jobs: jobs === undefined ? undefined : checkJobs("--jobs", parseNumber(jobs)),
    timeout: timeout === undefined ? undefined : checkSeconds("--timeout", parseNumber(timeout)),
    continueOnError: values["continue-on-error"] ?? false,
  };
  return { paths: positionals.length > 0 ? positionals : lessonPaths(), options };
}

/** `course run`: executes notebooks, prints a line each and the summary; 1 on any failure. */
export async function runCommand(args: string[]): Promise<number> {
  const { paths, options } = parseRunArgs(args);
  if (paths.length === 0) {
    console.log("no notebooks found (notebooks/*.ipynb, notebooks/solutions/*.ipynb)");
  }
  const results = await runNotebooks(paths, {
    ...options,
    onResult: (result) => console.log(formatResult(result)),
  });
  console.log(summaryLine(results));
  return results.every((result) => result.ok) ? 0 : 1;
}

/**
 * `course all [--instructor]`: executes every lesson, then exports the site; with `--instructor`
 * the solution notebooks are executed too and the site includes them. Returns the worst exit code.
 */
export async function allCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { instructor: { type: "boolean" } } });
  const instructor = values.instructor ?? false;
  const lessons = lessonPaths().filter((path) => instructor || !isSolution(path));
  const ran = await runCommand(lessons);
  const exported = await runExport(instructor ? ["--instructor"] : []);
  return Math.max(ran, exported);
}

function isSolution(path: string): boolean {
  return path.replaceAll("\\", "/").startsWith("notebooks/solutions/");
}

const COMMANDS: Record<string, Command> = {
  run: runCommand,
  export: runExport,
  all: allCommand,
  grade: runGrade,
  help: async () => (console.log(HELP), 0),
};

/** Dispatches `argv` (without node and the script) to a command; no command means `all`. */
export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) return COMMANDS.all([]);
  if (first === "--help" || first === "-h") return COMMANDS.help(rest);
  const command = COMMANDS[first];
  if (command === undefined) {
    console.error(`course: unknown command "${first}"\n\n${HELP}`);
    return 2;
  }
  try {
    return await command(rest);
  } catch (e) {
    console.error(`course ${first}: ${describeError(e)}`);
    return 2;
  }
}

if (typeof require !== "undefined" && require.main === module) {
  // Exit through process.exit so that the kernels' exit hooks kill them and everything they
  // started (they run detached, in their own process groups); 128 + the signal's number, as shells do.
  // SIGKILL cannot be caught: then each kernel's watchdog sees its parent gone and ends itself.
  const signals = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;
  for (const [signal, n] of Object.entries(signals))
    process.on(signal, () => process.exit(128 + n));
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
