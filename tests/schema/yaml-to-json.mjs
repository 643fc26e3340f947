// Converts YAML files to JSON the way yaml-language-server (the YAML support of
// VS Code and other editors) reads them: YAML 1.2, core schema, so 2026-11-23 and
// 12:30 stay text. Usage: node yaml-to-json.mjs OUT_DIR FILE...; writes
// OUT_DIR/N.json for the Nth file and prints "N<TAB>FILE" lines, or
// "N<TAB>FILE<TAB>error: ..." for a file it cannot read.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(join(process.cwd(), "tools", "package.json"));
const YAML = require("yaml");

const [outDir, ...files] = process.argv.slice(2);
files.forEach((file, n) => {
  try {
    const value = YAML.parse(readFileSync(file, "utf8"), { version: "1.2", schema: "core", uniqueKeys: true });
    writeFileSync(join(outDir, `${n}.json`), JSON.stringify(value ?? {}));
    console.log(`${n}\t${file}`);
  } catch (e) {
    console.log(`${n}\t${file}\terror: ${String(e.message).split("\n")[0]}`);
  }
});
