/**
 * The pure parts of "cascade: Preview report": which plan folder to serve,
 * the command line, and the URL that `cascade report --serve` prints.
 */
import * as path from "node:path";

/** `serving http://127.0.0.1:8000/index.html (Ctrl-C to stop)` → the URL, else undefined. */
export function servedUrl(line: string): string | undefined {
  const match = /\bserving (http:\/\/\S+)/.exec(line);
  return match === null ? undefined : match[1];
}

/**
 * The plan folder for `file`: the nearest folder upwards holding cascade.yaml,
 * not above `root`; undefined when there is none.
 */
export function planFolder(
  file: string,
  root: string,
  exists: (file: string) => boolean,
): string | undefined {
  let folder = path.dirname(file);
  for (;;) {
    if (exists(path.join(folder, "cascade.yaml"))) {
      return folder;
    }
    const parent = path.dirname(folder);
    if (folder === root || parent === folder || !folder.startsWith(root)) {
      return undefined;
    }
    folder = parent;
  }
}

/** The arguments of `cascade report PLAN --serve --port PORT`. */
export function previewArgs(plan: string, port: number): string[] {
  return ["report", plan, "--serve", "--port", String(port)];
}

/** Splits a process's output chunks into whole lines (a line may arrive in pieces). */
export class LineSplitter {
  private pending = "";

  /** The lines that `chunk` completes, without their line ends. */
  push(chunk: string): string[] {
    const lines = (this.pending + chunk).split(/\r?\n/);
    this.pending = lines.pop() ?? "";
    return lines;
  }
}
