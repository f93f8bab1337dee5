/** "cascade: Preview report": the plan folder, the command line and the served URL. */
import * as assert from "node:assert/strict";
import { test } from "node:test";
import { LineSplitter, planFolder, previewArgs, servedUrl } from "../src/preview";

test("the URL printed by cascade report --serve", () => {
  assert.equal(
    servedUrl("serving http://127.0.0.1:8000/index.html (Ctrl-C to stop)"),
    "http://127.0.0.1:8000/index.html",
  );
  assert.equal(servedUrl("rebuilt in 0.4 s"), undefined);
});

test("the plan is the nearest folder upwards holding cascade.yaml, inside the workspace", () => {
  const plan = (file: string) => file === "/ws/plans/probation/cascade.yaml";
  assert.equal(planFolder("/ws/plans/probation/agreements/units/LAW.yaml", "/ws", plan), "/ws/plans/probation");
  assert.equal(planFolder("/ws/plans/probation/cascade.yaml", "/ws", plan), "/ws/plans/probation");
  assert.equal(planFolder("/ws/README.md", "/ws", plan), undefined);
  const above = (file: string) => file === "/cascade.yaml";
  assert.equal(planFolder("/ws/plans/x.yaml", "/ws", above), undefined);
});

test("the serve command line", () => {
  assert.deepEqual(previewArgs("plans/probation", 8123), [
    "report",
    "plans/probation",
    "--serve",
    "--port",
    "8123",
  ]);
});

test("output chunks become whole lines", () => {
  const lines = new LineSplitter();
  assert.deepEqual(lines.push("serving http://127.0.0.1:80"), []);
  assert.deepEqual(lines.push("00/index.html (Ctrl-C to stop)\r\nrebuilt\nhal"), [
    "serving http://127.0.0.1:8000/index.html (Ctrl-C to stop)",
    "rebuilt",
  ]);
  assert.deepEqual(lines.push("f\n"), ["half"]);
});
