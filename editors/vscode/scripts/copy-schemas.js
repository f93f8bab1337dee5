// Copies the repository's schemas/*.schema.json into this extension (./schemas/),
// so the .vsix ships the same files that `cascade schema` writes. Run by vscode:prepublish.
const fs = require("node:fs");
const path = require("node:path");

const from = path.resolve(__dirname, "..", "..", "..", "schemas");
const to = path.resolve(__dirname, "..", "schemas");
fs.rmSync(to, { recursive: true, force: true });
fs.mkdirSync(to);
const names = fs.readdirSync(from).filter((name) => name.endsWith(".schema.json"));
for (const name of names) {
  fs.copyFileSync(path.join(from, name), path.join(to, name));
}
console.log(`copied ${names.length} schemas into ${to}`);
