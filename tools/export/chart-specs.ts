// Chart specs from notebooks (vega-lite, plotly figures) are drawn by the page from their JSON, so
// they are data, never code; but a spec can name URLs that the chart libraries would load. Before a
// spec is written into a page, everything that could make a request is removed: vega-lite `data.url`
// sources, URLs anywhere (image marks, `href`s, plotly `layout.images`), vega-embed's `usermeta`
// (which can carry loader and patch options), plotly's `config` and its map and geo traces (which
// fetch tiles and topojson). The page's script adds a loader that refuses every URL (site.js).
import { looksLikeUrl } from "./urls";

/** A spec that cannot be drawn (not an object, too deep): the output falls back to its image. */
export class SpecError extends Error {
  override name = "SpecError";
}

/** A spec made safe, and what was removed from it (for one warning per output). */
export interface SafeSpec {
  spec: Record<string, unknown>;
  removed: string[];
}

const MAX_DEPTH = 100;
/** Plotly traces and layout parts that load map tiles or topojson from other hosts. */
const PLOTLY_MAP_TRACES =
  /^(scattergeo|choropleth|scattermapbox|choroplethmapbox|densitymapbox|scattermap|choroplethmap|densitymap)$/;
const PLOTLY_MAP_LAYOUT = new Set(["geo", "mapbox", "map"]);

/**
 * Copies `value`, replacing URL strings by "" and letting `visit` rewrite objects; records removals.
 * Throws SpecError past MAX_DEPTH levels (a spec that deep is not a chart, and would overflow the stack).
 */
function clean(
  value: unknown,
  removed: string[],
  visit: (object: Record<string, unknown>, key: string) => Record<string, unknown> | null,
  key = "",
  depth = 0,
): unknown {
  if (depth > MAX_DEPTH) throw new SpecError(`the spec is nested deeper than ${MAX_DEPTH} levels`);
  if (typeof value === "string") {
    if (!looksLikeUrl(value)) return value;
    removed.push(`the URL ${JSON.stringify(value.slice(0, 80))}`);
    return "";
  }
  if (Array.isArray(value)) return value.map((v) => clean(v, removed, visit, key, depth + 1));
  if (typeof value !== "object" || value === null) return value;
  const visited = visit(value as Record<string, unknown>, key);
  if (visited === null) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(visited)) {
    if (k === "__proto__") continue;
    out[k] = k === "$schema" && depth === 0 ? v : clean(v, removed, visit, k, depth + 1);
  }
  return out;
}

function asObject(value: unknown, what: string): Record<string, unknown> {
  const parsed = typeof value === "string" ? parseJson(value, what) : value;
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw new SpecError(`the ${what} is not a JSON object`);
  return parsed as Record<string, unknown>;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new SpecError(`the ${what} is a string that is not JSON (${(e as Error).message})`);
  }
}

/**
 * A vega-lite (or vega) spec with no `data.url`, no URL strings and no `usermeta`.
 * Example: `safeVegaLite({ data: { url: "https://x/cars.json" }, mark: "point" }).spec` is
 * `{ data: { values: [] }, mark: "point" }`, and `removed` says what went.
 */
export function safeVegaLite(spec: unknown): SafeSpec {
  const removed: string[] = [];
  const visit = (object: Record<string, unknown>, key: string): Record<string, unknown> => {
    const { usermeta, ...rest } = object;
    if (usermeta !== undefined) removed.push("usermeta");
    if (key === "data" && "url" in rest) {
      removed.push(`data.url ${JSON.stringify(String(rest.url).slice(0, 80))}`);
      const { url: _url, format: _format, ...kept } = rest;
      return { ...kept, values: [] };
    }
    return rest;
  };
  const cleaned = clean(asObject(spec, "vega-lite spec"), removed, visit) as Record<
    string,
    unknown
  >;
  return { spec: cleaned, removed };
}

/**
 * A plotly figure reduced to `{ data, layout }` with no URL strings (layout images, image traces),
 * no map or geo traces, and no notebook-supplied `config` (the page uses its own).
 */
export function safePlotly(figure: unknown): SafeSpec {
  const removed: string[] = [];
  const object = asObject(figure, "plotly figure");
  if (!Array.isArray(object.data)) throw new SpecError("the plotly figure has no data list");
  if (object.config !== undefined) removed.push("config");
  const data = object.data.filter((trace) => {
    const type = (trace as { type?: unknown } | null)?.type;
    const map = typeof type === "string" && PLOTLY_MAP_TRACES.test(type);
    if (map) removed.push(`a ${type} trace (it loads maps from other hosts)`);
    return !map;
  });
  const rawLayout = asObject(object.layout ?? {}, "plotly layout");
  const layout = Object.fromEntries(
    Object.entries(rawLayout).filter(([key]) => {
      if (PLOTLY_MAP_LAYOUT.has(key)) removed.push(`layout.${key} (maps from other hosts)`);
      return !PLOTLY_MAP_LAYOUT.has(key);
    }),
  );
  const safe = clean({ data, layout }, removed, (o) => o) as Record<string, unknown>;
  return { spec: safe, removed };
}
