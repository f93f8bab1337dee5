/**
 * The cascade extension: starts `cascade lsp` as a language client for plan
 * YAML files, and adds "cascade: Preview report" and "cascade: Restart server".
 * The schemas (yamlValidation) and the `$cascade` problem matcher are
 * declared in package.json.
 */
import { type ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as vscode from "vscode";
import { LanguageClient, type LanguageClientOptions } from "vscode-languageclient/node";
import { LineSplitter, planFolder, previewArgs, servedUrl } from "./preview";
import { cascadeProgram, serverCommand } from "./server";

let client: LanguageClient | undefined;
let previewTerminal: vscode.Terminal | undefined;

/** The workspace folder of the active file, else the first one. */
function workspaceFolder(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  const folder =
    (editor && vscode.workspace.getWorkspaceFolder(editor.document.uri)) ??
    vscode.workspace.workspaceFolders?.[0];
  return folder?.uri.fsPath;
}

async function startServer(): Promise<void> {
  const config = vscode.workspace.getConfiguration("cascade");
  const folder = workspaceFolder();
  const server = serverCommand(
    config.get<string>("server.path"),
    config.get<string[]>("server.args"),
    folder,
    fs.existsSync,
  );
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: "file", language: "yaml" }],
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher("**/*.{yaml,yml,csv,xlsx}"),
    },
  };
  client = new LanguageClient(
    "cascade",
    "cascade",
    { command: server.command, args: server.args, options: { cwd: folder } },
    clientOptions,
  );
  try {
    await client.start();
  } catch (error) {
    const line = [server.command, ...server.args].join(" ");
    void vscode.window.showErrorMessage(
      `cascade: the language server did not start (${line}): ${String(error)}. ` +
        "Install cascade in the workspace's .venv or set cascade.server.path.",
    );
  }
}

async function restartServer(): Promise<void> {
  const running = client;
  client = undefined;
  if (running !== undefined) {
    await running.stop().catch(() => undefined);
  }
  await startServer();
}

/** A terminal that runs `cascade report --serve` and opens the page once it is served. */
function servingTerminal(program: string, args: string[], cwd: string): vscode.Pseudoterminal {
  const write = new vscode.EventEmitter<string>();
  const close = new vscode.EventEmitter<number | void>();
  const lines = new LineSplitter();
  let child: ChildProcess | undefined;
  let opened = false;
  const show = (chunk: Buffer): void => {
    for (const line of lines.push(chunk.toString("utf8"))) {
      write.fire(`${line}\r\n`);
      const url = servedUrl(line);
      if (url !== undefined && !opened) {
        opened = true;
        void vscode.env.openExternal(vscode.Uri.parse(url));
      }
    }
  };
  return {
    onDidWrite: write.event,
    onDidClose: close.event,
    open: () => {
      write.fire(`$ ${[program, ...args].join(" ")}\r\n`);
      child = spawn(program, args, { cwd, env: { ...process.env, PYTHONUNBUFFERED: "1" } });
      child.stdout?.on("data", show);
      child.stderr?.on("data", show);
      child.on("error", (error) => write.fire(`cascade: cannot start ${program}: ${error.message}\r\n`));
      child.on("exit", (code) => write.fire(`\r\n[cascade report stopped (exit code ${code})]\r\n`));
    },
    close: () => {
      child?.kill();
    },
  };
}

/** The plan to preview: the one around the active file, else the workspace's (asking if several). */
async function choosePlan(root: string): Promise<string | undefined> {
  const document = vscode.window.activeTextEditor?.document;
  if (document?.uri.scheme === "file") {
    const around = planFolder(document.uri.fsPath, root, fs.existsSync);
    if (around !== undefined) {
      return around;
    }
  }
  const found = await vscode.workspace.findFiles("**/cascade.yaml", "**/{node_modules,.venv}/**", 100);
  const plans = found.map((uri) => path.dirname(uri.fsPath)).sort();
  if (plans.length <= 1) {
    return plans[0];
  }
  const picked = await vscode.window.showQuickPick(
    plans.map((plan) => path.relative(root, plan) || "."),
    { placeHolder: "Which plan? (the folder that holds cascade.yaml)" },
  );
  return picked === undefined ? undefined : path.resolve(root, picked);
}

async function previewReport(): Promise<void> {
  const root = workspaceFolder();
  if (root === undefined) {
    void vscode.window.showErrorMessage("cascade: open the folder that holds the plan first.");
    return;
  }
  const plan = await choosePlan(root);
  if (plan === undefined) {
    void vscode.window.showErrorMessage("cascade: no cascade.yaml in this workspace.");
    return;
  }
  const config = vscode.workspace.getConfiguration("cascade");
  const program = cascadeProgram(config.get<string>("server.path"), root, fs.existsSync);
  const args = previewArgs(path.relative(root, plan) || ".", config.get<number>("preview.port", 8000));
  previewTerminal?.dispose();
  previewTerminal = vscode.window.createTerminal({
    name: "cascade report",
    pty: servingTerminal(program, args, root),
  });
  previewTerminal.show(true);
}

/** Starts the language server and registers the commands. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand("cascade.restartServer", restartServer),
    vscode.commands.registerCommand("cascade.previewReport", previewReport),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration("cascade.server")) {
        void restartServer();
      }
    }),
    { dispose: () => previewTerminal?.dispose() },
  );
  await startServer();
}

/** Stops the language server. */
export async function deactivate(): Promise<void> {
  await client?.stop();
}
