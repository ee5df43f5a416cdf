// A benchmark helper, not a check: validates documents against one published schema with Ajv
// (draft 2020-12, formats asserted), compiling the schema once, and prints one line per file, as
// `socialprescribing validate NAME FILE...` does, through one buffered write. bench-validate.sh
// times the two over the same files.
//
//   node bench-validate.mjs NAME FILE...
//
// Exit status: 0 when every document is valid, 1 otherwise, 2 for a usage error or a file that
// cannot be read.
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const [name, ...files] = process.argv.slice(2);
if (!name || files.length === 0) {
  process.stderr.write("usage: node bench-validate.mjs NAME FILE...\n");
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(join(here, "..", "v1", name + ".json"), "utf8")));

const out = [];
let status = 0;
for (const file of files) {
  let text;
  try {
    text = readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (e) {
    process.stderr.write(`bench-validate: ${e.message}\n`);
    status = 2;
    continue;
  }
  let doc;
  try {
    doc = JSON.parse(text);
  } catch {
    out.push(`${file}: invalid: not JSON`);
    status = Math.max(status, 1);
    continue;
  }
  if (validate(doc)) {
    out.push(`${file}: valid ${name}`);
    continue;
  }
  status = Math.max(status, 1);
  out.push(`${file}: invalid ${name} (${validate.errors.length})`);
  for (const e of validate.errors) out.push(`  ${e.instancePath}: ${e.keyword}: ${e.message}`);
}
process.stdout.write(out.join("\n") + "\n");
process.exitCode = status;
