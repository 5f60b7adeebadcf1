// Outputs of the browser kernel and of tslab, made comparable: streams merged, the PNG (which the
// browser does not make) and its metadata dropped, the plotly bundle that tslab inlines in its
// first plotly output dropped, and timings masked: clocks (`done in 00:13`), the plotly div ids
// (they hold the session's start time) and the columns of tables whose header names a time
// ("ms per epoch", "median ms", "speedup").
//
//   expect(comparable(browserOutputs)).toEqual(comparable(tslabCell.outputs));

/** An output as either side writes it (nbformat's multiline strings may be arrays). */
export interface AnyOutput {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
}

const TIMING_HEADER = /\b(ms|sec|seconds?|time|timings?|speedup|per second)\b|\(s\)/i;

const joined = (value: unknown): string =>
  Array.isArray(value) ? value.join("") : typeof value === "string" ? value : JSON.stringify(value);

/** Masks the cells of the timing columns of a formatTable text table (header, dashes, rows). */
function maskTextTables(text: string): string {
  const lines = text.split("\n");
  for (let i = 1; i < lines.length; i++) {
    if (!/^-+( +-+)*\s*$/.test(lines[i])) continue;
    const columns = [...lines[i].matchAll(/-+/g)].map((m) => ({
      from: m.index!,
      to: m.index! + m[0].length,
    }));
    const timing = columns.filter((c) => TIMING_HEADER.test(lines[i - 1].slice(c.from, c.to)));
    for (let row = i + 1; row < lines.length && lines[row].trim() !== ""; row++) {
      for (const c of timing) {
        const line = lines[row].padEnd(c.to);
        lines[row] = line.slice(0, c.from) + "#".repeat(c.to - c.from) + line.slice(c.to);
      }
    }
  }
  return lines.join("\n");
}

/** Masks the `<td>`s of the timing columns of HTML tables (the same tables, as HTML). */
function maskHtmlTables(html: string): string {
  return html.replace(/<table\b[\s\S]*?<\/table>/g, (table) => {
    const headers = [...table.matchAll(/<th\b[^>]*>([\s\S]*?)<\/th>/g)].map((m) => m[1]);
    const timing = new Set(headers.flatMap((h, i) => (TIMING_HEADER.test(h) ? [i] : [])));
    if (timing.size === 0) return table;
    return table.replace(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g, (row) => {
      let column = -1;
      return row.replace(/(<td\b[^>]*>)([\s\S]*?)(<\/td>)/g, (_, open, _body, close) => {
        column++;
        return timing.has(column) ? `${open}#${close}` : `${open}${_body}${close}`;
      });
    });
  });
}

export function maskTimings(text: string): string {
  return maskHtmlTables(maskTextTables(text))
    .replace(/\b\d{2}:\d{2}(:\d{2})?\b/g, "MM:SS")
    .replace(/dl-plotly-[a-z0-9]+-\d+/g, "dl-plotly-ID")
    .replace(/dl-live-[a-z0-9]+-\d+/g, "dl-live-ID");
}

/** The plotly.js bundle tslab's first plotly output carries (the browser page has its own). */
const PLOTLY_ASSET = /<script data-course-asset="plotly">[\s\S]*?<\/script>\n?/g;

/** What a reader sees of one cell's outputs, in a form both kernels must agree on exactly. */
export function comparable(outputs: readonly AnyOutput[]): unknown[] {
  const out: unknown[] = [];
  for (const o of outputs) {
    if (o.output_type === "stream") {
      const last = out[out.length - 1] as { stream?: string; text: string } | undefined;
      if (last !== undefined && last.stream === o.name) last.text += joined(o.text);
      else out.push({ stream: o.name, text: joined(o.text) });
    } else if (o.output_type === "error") {
      out.push({ error: `${o.ename}: ${o.evalue}` });
    } else if (o.data !== undefined) {
      const data: Record<string, string> = {};
      for (const [mime, value] of Object.entries(o.data)) {
        if (mime === "image/png") continue;
        const text = joined(value);
        data[mime] = maskTimings(mime === "text/html" ? text.replace(PLOTLY_ASSET, "") : text);
      }
      out.push({ display: data });
    }
  }
  for (const o of out) {
    const stream = o as { stream?: string; text: string };
    if (stream.stream !== undefined) stream.text = maskTimings(stream.text);
  }
  return out;
}
