// Readability.js on the Zyte article-extraction pages: node run.mjs ZYTE_DIR OUT.json [jsdom|linkedom]
// Writes {id: body text} to OUT.json and prints one JSON line: {"pages", "seconds", "pagesPerSecond"}.
// The DOM is jsdom's (default) or linkedom's (a lighter DOM, fed the page decoded as UTF-8).
// Timed: parsing with jsdom plus Readability.parse(), the same work as NewsExtract's HtmlArticleReader.Read.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

const [dir, out, parser = "jsdom"] = process.argv.slice(2);
const gold = JSON.parse(readFileSync(join(dir, "ground-truth.json"), "utf8"));
const ids = Object.keys(gold);
const pages = ids.map((id) => gunzipSync(readFileSync(join(dir, "html", `${id}.html.gz`))));
const quiet = new VirtualConsole(); // jsdom CSS parse errors would flood stderr

function readLinkedom(bytes) {
  const { document } = parseHTML(new TextDecoder("utf-8").decode(bytes));
  const article = new Readability(document).parse();
  return article?.textContent ?? "";
}

function read(bytes, url) {
  if (parser === "linkedom") return readLinkedom(bytes);
  // Bytes, so jsdom sniffs the encoding from the BOM / meta charset as a browser does.
  const dom = new JSDOM(bytes, { url: url || "https://example.org/", virtualConsole: quiet });
  const article = new Readability(dom.window.document).parse();
  dom.window.close();
  return article?.textContent ?? "";
}

for (let i = 0; i < Math.min(10, ids.length); i++) read(pages[i], gold[ids[i]].url); // warm-up
const bodies = {};
const start = process.hrtime.bigint();
ids.forEach((id, i) => { bodies[id] = read(pages[i], gold[id].url); });
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
writeFileSync(out, JSON.stringify(bodies));
console.log(JSON.stringify({ pages: ids.length, seconds, pagesPerSecond: ids.length / seconds }));
