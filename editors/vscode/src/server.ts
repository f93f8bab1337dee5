/**
 * Which `cascade` program to start, from the settings and the workspace.
 * Pure: the caller passes the file test, so node's test runner covers it.
 */
import * as path from "node:path";

export interface ServerCommand {
  command: string;
  args: string[];
}

/** The workspace's own virtual environment's `cascade`, per platform. */
export function venvCascade(folder: string, platform: NodeJS.Platform): string {
  return platform === "win32"
    ? path.win32.join(folder, ".venv", "Scripts", "cascade.exe")
    : path.posix.join(folder, ".venv", "bin", "cascade");
}

/**
 * The program: `configured` when set (relative to the workspace folder),
 * else the workspace's `.venv` cascade if it exists, else `cascade` on PATH.
 */
export function cascadeProgram(
  configured: string | undefined,
  folder: string | undefined,
  exists: (file: string) => boolean,
  platform: NodeJS.Platform = process.platform,
): string {
  const setting = (configured ?? "").trim();
  const paths = platform === "win32" ? path.win32 : path.posix;
  if (setting !== "") {
    const relative = !paths.isAbsolute(setting) && /[\\/]/.test(setting);
    return relative && folder !== undefined ? paths.join(folder, setting) : setting;
  }
  if (folder !== undefined) {
    const local = venvCascade(folder, platform);
    if (exists(local)) {
      return local;
    }
  }
  return "cascade";
}

/** The language server's command line: the program and `cascade.server.args` (default `lsp`). */
export function serverCommand(
  configured: string | undefined,
  args: readonly string[] | undefined,
  folder: string | undefined,
  exists: (file: string) => boolean,
  platform: NodeJS.Platform = process.platform,
): ServerCommand {
  return {
    command: cascadeProgram(configured, folder, exists, platform),
    args: args === undefined ? ["lsp"] : [...args],
  };
}
