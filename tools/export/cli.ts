// `course export`: the exporter's command line.
import { exportSite, type ExportOptions } from "./export";

/**
 * Parses `[--instructor] [--trust | --untrusted] [--in DIR] [--out DIR] [LESSON…]` (lessons as
 * numbers or NN-topic slugs).
 */
export function parseExportArgs(args: string[]): ExportOptions {
  const options: ExportOptions = {};
  const lessons: Array<number | string> = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--instructor") options.instructor = true;
    else if (arg === "--trust" || arg === "--untrusted") {
      const mode = arg === "--trust" ? "trusted" : "untrusted";
      if (options.trust !== undefined && options.trust !== mode)
        throw new Error("course export: --trust and --untrusted exclude each other");
      options.trust = mode;
    } else if (arg === "--in" || arg === "--out") {
      const value = args[++i];
      if (value === undefined) throw new Error(`course export: ${arg} needs a folder`);
      if (arg === "--in") options.input = value;
      else options.output = value;
    } else if (arg.startsWith("--")) throw new Error(`course export: unknown option ${arg}`);
    else lessons.push(/^\d+$/.test(arg) ? Number(arg) : arg);
  }
  if (lessons.length > 0) options.lessons = lessons;
  return options;
}

/**
 * Runs the exporter from the command line and prints what it wrote; returns the exit code.
 * Example: `course export --instructor 3` re-exports lesson 3 with its solutions into site/.
 */
export async function runExport(args: string[]): Promise<number> {
  try {
    const options = parseExportArgs(args);
    const result = await exportSite(options);
    for (const warning of result.warnings) console.warn(`warning: ${warning}`);
    const untrusted = result.trust.filter((t) => !t.trusted);
    for (const t of untrusted)
      console.log(
        `untrusted: ${t.file} (${t.reason}): HTML outputs sanitised, no script of it runs`,
      );
    console.log(
      `trust: ${result.trust.length - untrusted.length} trusted (the course's own lessons), ` +
        `${untrusted.length} untrusted`,
    );
    const mb = (result.siteBytes / 1e6).toFixed(1);
    console.log(
      `exported ${result.pages.length} pages to ${options.output ?? "site"}/ ` +
        `(${mb} MB in all) in ${result.seconds.toFixed(2)} s`,
    );
    return 0;
  } catch (e) {
    console.error((e as Error).message);
    return 1;
  }
}
