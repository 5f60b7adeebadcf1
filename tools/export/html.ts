// Small HTML helpers shared by the exporter's renderers.

/**
 * Escapes text for an HTML element body or a double-quoted attribute value.
 * Example: `escapeHtml('<b a="1">')` is `&lt;b a=&quot;1&quot;&gt;`.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/**
 * Serialises a JSON value so that it can sit inside `<script type="application/json">` safely:
 * every `<` becomes `\u003c`, so no `</script>` or `<!--` can end or confuse the element. U+2028 and
 * U+2029 are escaped too (they end a line in old JavaScript parsers); the value reads back unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** Removes ANSI terminal escape sequences (colours in tracebacks and progress bars). */
export function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007/g, "");
}

/**
 * Applies carriage returns the way a terminal would: on each line only the text after the last `\r`
 * remains (progress bars print `\r` to redraw themselves).
 */
export function applyCarriageReturns(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      const parts = line.split("\r").filter((part, i, all) => part !== "" || i === all.length - 1);
      return parts.length === 0 ? "" : parts[parts.length - 1];
    })
    .join("\n");
}

/**
 * A URL-safe, lower-case slug for heading anchors: `slugify("The XOR failure!")` is `the-xor-failure`.
 * `taken` holds the slugs already used on the page; repeats get `-2`, `-3`, …. At most 80 characters
 * before that suffix, so every slug is an id the sanitiser keeps (SAFE_ID in sanitize.ts).
 */
export function slugify(text: string, taken: Set<string>): string {
  const base =
    text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/<[^>]*>/g, "")
      .replace(/&[a-z0-9#]+;/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .slice(0, 80)
      .replace(/^-+|-+$/g, "") || "section";
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}
