// Checks every published schema with Ajv (draft 2020-12, strict mode, formats asserted) against every
// fixture document, with the same expectations as the Go test TestFixtures:
//   <pkg>/testdata/valid/<fixture>.*.json                         must be accepted;
//   <pkg>/testdata/invalid/<fixture>.<rule>[.detail].json           must be rejected;
//   <pkg>/testdata/invalid/<fixture>.<rule>[.detail].go-only.json   must be accepted (Go-only rule).
// Prints a summary line "N passed, N failed" and exits non-zero on any failure.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const here = dirname(fileURLToPath(import.meta.url));
const schemaDir = join(here, "..", "v1");
const root = join(here, "..", "..");

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);

const index = JSON.parse(readFileSync(join(schemaDir, "index.json"), "utf8"));
let passed = 0;
let failed = 0;
const fail = (msg) => { failed++; console.log("FAIL " + msg); };

for (const entry of index.schemas) {
  const schema = JSON.parse(readFileSync(join(schemaDir, entry.file), "utf8"));
  let validate;
  try {
    validate = ajv.compile(schema);
  } catch (e) {
    fail(`${entry.name}: schema does not compile in strict mode: ${e.message}`);
    continue;
  }
  let valids = 0;
  for (const kind of ["valid", "invalid"]) {
    const dir = join(root, entry.package, "testdata", kind);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).sort()) {
      if (!file.startsWith(entry.fixture + ".") || !file.endsWith(".json")) continue;
      const parts = file.slice(0, -".json".length).split(".");
      const goOnly = parts.includes("go-only");
      const want = kind === "valid" || goOnly;
      let doc;
      let ok;
      let why = "";
      try {
        doc = JSON.parse(readFileSync(join(dir, file), "utf8"));
        ok = validate(doc);
        if (!ok) why = ajv.errorsText(validate.errors);
      } catch (e) {
        ok = false;
        why = "not JSON";
      }
      const name = `${entry.name} ${kind}/${file}`;
      if (kind === "valid") valids++;
      if (ok === want) {
        passed++;
      } else if (want) {
        fail(`${name}: Ajv rejects it: ${why}`);
      } else {
        fail(`${name}: Ajv accepts an invalid fixture`);
      }
    }
  }
  if (valids === 0) fail(`${entry.name}: no valid fixture`);
}
console.log(`ajv: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
