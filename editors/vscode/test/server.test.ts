/** Which `cascade` the extension starts, from the settings and the workspace. */
import * as assert from "node:assert/strict";
import { test } from "node:test";
import { cascadeProgram, serverCommand, venvCascade } from "../src/server";

const none = (): boolean => false;
const only =
  (wanted: string) =>
  (file: string): boolean =>
    file === wanted;

test("the workspace's .venv cascade comes first when it exists", () => {
  const local = "/home/p/plan/.venv/bin/cascade";
  assert.deepEqual(serverCommand("", undefined, "/home/p/plan", only(local), "linux"), {
    command: local,
    args: ["lsp"],
  });
});

test("without a .venv, cascade on PATH", () => {
  assert.deepEqual(serverCommand(undefined, undefined, "/home/p/plan", none, "linux"), {
    command: "cascade",
    args: ["lsp"],
  });
  assert.equal(cascadeProgram("  ", undefined, none, "linux"), "cascade");
});

test("the setting wins over the .venv; a relative path is taken from the workspace", () => {
  const exists = only("/home/p/plan/.venv/bin/cascade");
  assert.equal(cascadeProgram("/opt/cascade/bin/cascade", "/home/p/plan", exists, "linux"), "/opt/cascade/bin/cascade");
  assert.equal(cascadeProgram("tools/cascade", "/home/p/plan", exists, "linux"), "/home/p/plan/tools/cascade");
  assert.equal(cascadeProgram("cascade-dev", "/home/p/plan", exists, "linux"), "cascade-dev");
});

test("the arguments come from cascade.server.args, copied", () => {
  const args = ["lsp", "--stdio"];
  const server = serverCommand("", args, undefined, none, "linux");
  assert.deepEqual(server, { command: "cascade", args: ["lsp", "--stdio"] });
  assert.notEqual(server.args, args);
});

test("on Windows the .venv program is Scripts\\cascade.exe", () => {
  assert.equal(venvCascade("C:\\plan", "win32"), "C:\\plan\\.venv\\Scripts\\cascade.exe");
  const exists = only("C:\\plan\\.venv\\Scripts\\cascade.exe");
  assert.equal(cascadeProgram("", "C:\\plan", exists, "win32"), "C:\\plan\\.venv\\Scripts\\cascade.exe");
});
