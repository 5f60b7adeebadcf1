// URLs and embedded images from notebooks, judged once for the whole exporter: which URL would make a
// page ask another host, and which image data may become a `data:` URL (strict base64, known MIME,
// the bytes of that format).

/** A URL's scheme, lower-case ("" for a relative URL), read as a browser does: it ignores control characters and whitespace. */
export function schemeOf(url: string): string {
  const plain = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(plain);
  return match === null ? "" : match[1].toLowerCase();
}

/** True when `url` names another host or a scheme other than `data:` (`http:`, `//host`, `file:`, `javascript:`…). */
export function isRemote(url: string): boolean {
  const plain = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  const scheme = schemeOf(plain);
  return (scheme !== "" && scheme !== "data") || /^[/\\]{2}/.test(plain);
}

/**
 * True for text that a chart library would take for a URL to load or open: `scheme://…`, `//host`,
 * `http:`, `javascript:`, `file:/…`, `blob:…` and non-image `data:` URLs. Plain text with a colon
 * ("Loss: 0.5", "Data: the lecture's table") is not a URL. Checked `data:image/…` URLs are allowed.
 */
export function looksLikeUrl(text: string): boolean {
  const plain = text.replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  if (/^data:image\/(png|jpeg|gif|webp);base64,/i.test(plain)) return false;
  return /^(?:[a-z][a-z0-9+.-]*:\/\/|[/\\]{2}|(?:https?|ftp|wss?|javascript|vbscript):|file:\/|data:[a-z-]+\/[a-z0-9.+-]+[;,]|blob:\S)/i.test(
    plain,
  );
}

/** Raster images a page may show inline, with the first bytes every file of that format starts with. */
const MAGIC: Record<string, (bytes: Buffer) => boolean> = {
  "image/png": (b) => b.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10])),
  "image/jpeg": (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  "image/gif": (b) => /^GIF8[79]a$/.test(b.subarray(0, 6).toString("latin1")),
  "image/webp": (b) =>
    b.subarray(0, 4).toString("latin1") === "RIFF" &&
    b.subarray(8, 12).toString("latin1") === "WEBP",
};

/** The raster MIME types `rasterDataUrl` accepts. */
export const RASTER_MIMES = Object.keys(MAGIC);

/** Why image data was refused (the exporter turns it into a warning naming the cell). */
export class ImageDataError extends Error {
  override name = "ImageDataError";
}

/**
 * Strict base64 (RFC 4648 alphabet, padding only at the end, length a multiple of 4), after removing
 * the line breaks nbformat allows. Returns the compact string; throws ImageDataError otherwise.
 */
export function strictBase64(data: string): string {
  const compact = data.replace(/[\r\n ]/g, "");
  if (compact.length === 0) throw new ImageDataError("the image data is empty");
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact))
    throw new ImageDataError("the image data is not valid base64");
  return compact;
}

/**
 * A `data:` URL for a raster image: the MIME must be PNG, JPEG, GIF or WebP, the data strict base64
 * and its bytes those of that format. Throws ImageDataError saying which check failed.
 * Example: `rasterDataUrl("image/png", "iVBORw0KGgo…")` is `"data:image/png;base64,iVBORw0KGgo…"`.
 */
export function rasterDataUrl(mime: string, data: unknown): string {
  const check = MAGIC[mime];
  if (check === undefined) throw new ImageDataError(`${mime} is not an image type pages show`);
  if (typeof data !== "string") throw new ImageDataError(`the image data is a ${typeName(data)}`);
  const base64 = strictBase64(data);
  if (!check(Buffer.from(base64.slice(0, 24), "base64")))
    throw new ImageDataError(`the data is not a ${mime.slice("image/".length).toUpperCase()}`);
  return `data:${mime};base64,${base64}`;
}

/** `typeof`, with arrays and null told apart (for messages). */
export function typeName(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "array" : typeof value;
}
