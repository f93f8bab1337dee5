/**
 * The `$cascade` problem matcher of package.json against real
 * `cascade validate --format parsable` lines (test/fixtures/parsable.txt,
 * kept equal to cascade's output by tests/test_vscode.py).
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";

const here = path.resolve(__dirname, "..", "..");
const manifest = JSON.parse(fs.readFileSync(path.join(here, "package.json"), "utf8"));
const matcher = manifest.contributes.problemMatchers[0];
const lines = fs
  .readFileSync(path.join(here, "test", "fixtures", "parsable.txt"), "utf8")
  .split("\n")
  .filter((line) => line !== "");

function parse(line: string): Record<string, string> | undefined {
  const match = new RegExp(matcher.pattern.regexp).exec(line);
  if (match === null) {
    return undefined;
  }
  const fields = ["file", "line", "column", "severity", "message", "code"];
  return Object.fromEntries(fields.map((field) => [field, match[matcher.pattern[field]]]));
}

test("the matcher is $cascade, files relative to the workspace", () => {
  assert.equal(matcher.name, "cascade");
  assert.deepEqual(matcher.fileLocation, ["autoDetect", "${workspaceFolder}"]);
});

test("every field of every real line", () => {
  assert.deepEqual(lines.map(parse), [
    {
      file: "agreements/ORG.yaml",
      line: "19",
      column: "5",
      severity: "error",
      message: "unknown key 'unit_of_measur' (did you mean 'unit_of_measure'?)",
      code: "SPEC003",
    },
    {
      file: "notes ฉบับร่าง/empty.yaml",
      line: "1",
      column: "1",
      severity: "warning",
      message: "the file holds no YAML document",
      code: "LOAD007",
    },
    {
      file: "agreements/ORG.yaml",
      line: "6",
      column: "1",
      severity: "error",
      message: "the weights of ORG's KPIs sum to 105, not 100",
      code: "WGT001",
    },
    {
      file: "agreements/ORG.yaml",
      line: "17",
      column: "11",
      severity: "error",
      message: "unknown goal 'G9'",
      code: "REF001",
    },
    {
      file: "notes ฉบับร่าง/empty.yaml",
      line: "1",
      column: "1",
      severity: "warning",
      message: "the file holds no YAML document",
      code: "LOAD007",
    },
    {
      file: "strategy.yaml",
      line: "17",
      column: "10",
      severity: "error",
      message: "organisation goal 'G2' has no KPI in ORG's agreement",
      code: "GOAL001",
    },
  ]);
});

test("a Windows path and a line that is not a diagnostic", () => {
  assert.deepEqual(parse("C:\\plans\\org.yaml:3:7: [warning] unused unit 'X' (ORG002)"), {
    file: "C:\\plans\\org.yaml",
    line: "3",
    column: "7",
    severity: "warning",
    message: "unused unit 'X'",
    code: "ORG002",
  });
  assert.equal(parse("✓ no problems in 9 files"), undefined);
});
