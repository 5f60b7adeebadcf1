// Modules that web/kernel/build.mjs provides to the browser bundle (for the type check of lib's
// *.browser.ts adapters).

/** A gzipped text file, gunzipped into the bundle. */
declare module "*.csv.gz" {
  const text: string;
  export default text;
}
