// Parses an exported page (htmlparser2, as the sanitiser does) and lists everything that could run
// code or load from elsewhere beyond the site's own scripts and stylesheets. An empty list is the
// promise of the exporter for any notebook: no script of it runs, no request leaves the site.
import { Parser } from "htmlparser2";

/** Elements that never belong in a page body made from notebooks. */
const FORBIDDEN = new Set(
  "iframe frame frameset object embed applet base form style link meta template noscript video audio source track picture portal".split(
    " ",
  ),
);
/** The page's own head: these are allowed there only. */
const OWN_META = /^(charset|name=viewport|name=color-scheme|http-equiv=Content-Security-Policy)$/;

function urlProblem(tag: string, name: string, value: string): string | null {
  const plain = value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(plain)?.[1] ?? "";
  if (name === "src") {
    if (scheme === "" && !plain.startsWith("//")) return null;
    return /^data:image\/(png|jpeg|gif|webp|svg\+xml);base64,/.test(plain) ? null : "src";
  }
  if (tag === "a" && name === "href") {
    if (plain.startsWith("//")) return "href";
    return ["", "http", "https", "mailto"].includes(scheme) ? null : "href";
  }
  return scheme === "" && !plain.startsWith("//") ? null : name;
}

/**
 * The unsafe things in `html`: each as "<tag attribute=value>" or "<tag>". The site's own scripts
 * (`assets/…`), its JSON elements (chart specs, the runnable page's notebook and lesson list) and its head (stylesheets, meta) are not listed.
 * Example: `unsafeParts('<img src=x onerror="y()">')` is `['<img onerror=y()>']`.
 */
export function unsafeParts(html: string): string[] {
  const found: string[] = [];
  let inHead = false;
  const parser = new Parser(
    {
      onopentag(tag, attribs) {
        if (tag === "head") inHead = true;
        const show = (name: string): string => `<${tag} ${name}=${attribs[name].slice(0, 60)}>`;
        if (tag === "script") {
          const own =
            (attribs.src !== undefined && /^assets\/[\w.-]+\.js$/.test(attribs.src)) ||
            (attribs.type === "application/json" &&
              (/^(vega|plotly)-spec$/.test(attribs.class ?? "") ||
                /^course-(notebook|lessons)$/.test(attribs.id ?? "")));
          if (!own) found.push(`<script ${JSON.stringify(attribs)}>`);
        } else if (FORBIDDEN.has(tag)) {
          const ownHead =
            inHead &&
            ((tag === "link" &&
              attribs.rel === "stylesheet" &&
              attribs.href?.startsWith("assets/")) ||
              (tag === "meta" &&
                Object.entries(attribs).some(([k, v]) =>
                  OWN_META.test(k === "charset" ? k : `${k}=${v}`),
                )));
          if (!ownHead) found.push(`<${tag}>`);
        }
        for (const [name, value] of Object.entries(attribs)) {
          if (
            /^on/i.test(name) ||
            /(^|:)(srcset|background|poster|action|formaction|data|xlink:href)$/.test(name)
          )
            found.push(show(name));
          else if (["src", "href"].includes(name)) {
            const problem = urlProblem(tag, name, value);
            if (problem !== null) found.push(show(name));
          } else if (name === "style" && /url\s*\(|expression\s*\(|\\|@import/i.test(value))
            found.push(show(name));
        }
      },
      onclosetag(tag) {
        if (tag === "head") inHead = false;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

/** The JSON of every chart spec element of a page, parsed as the page's script parses it. */
export function chartSpecs(html: string): unknown[] {
  const specs: unknown[] = [];
  let inSpec = false;
  let text = "";
  const parser = new Parser({
    onopentag(tag, attribs) {
      inSpec = tag === "script" && /^(vega|plotly)-spec$/.test(attribs.class ?? "");
      text = "";
    },
    ontext(chunk) {
      if (inSpec) text += chunk;
    },
    onclosetag(tag) {
      if (tag === "script" && inSpec) specs.push(JSON.parse(text));
      inSpec = false;
    },
  });
  parser.write(html);
  parser.end();
  return specs;
}
