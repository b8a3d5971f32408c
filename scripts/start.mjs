#!/usr/bin/env node
// `npm start`: builds and packages the extension, installs the .vsix into a throwaway
// code-server (real VS Code in the browser) and serves examples/ on 127.0.0.1 until Ctrl+C.
//   JUSTERA_PORT   port to listen on (default 8080; a free one if 8080 is taken)
import fs from 'node:fs';
import path from 'node:path';
import { ensureToolchain } from '../test/integration/toolchain.mjs';
import {
  codeServerCli,
  freePort,
  installExitHandlers,
  log,
  makeTempDir,
  packageVsix,
  portInUse,
  repoRoot,
  startCodeServer,
  stopAll,
} from '../test/integration/harness.mjs';

// Ctrl+C is the normal way to stop: clean up and exit 0.
let stopping = false;
installExitHandlers({
  onSignal: () => {
    stopping = true;
    stopAll().finally(() => process.exit(0));
  },
});
const toolchain = await ensureToolchain();

// Package exactly what users get (npm run package: production build + vsce).
const vsix = packageVsix();

const tmp = makeTempDir('justera-start-');
const extensionsDir = path.join(tmp, 'ext');
log(`installing ${path.relative(repoRoot, vsix)} into ${extensionsDir}`);
process.stdout.write(codeServerCli(toolchain, tmp, ['--install-extension', vsix, '--force'], { extensionsDir }));

let port = Number(process.env.JUSTERA_PORT ?? 8080);
if (!process.env.JUSTERA_PORT && (await portInUse(port))) port = await freePort();
const workspace = path.join(repoRoot, 'examples');
if (!fs.existsSync(workspace)) fs.mkdirSync(workspace, { recursive: true });
const server = await startCodeServer({ toolchain, tmp, port, extensionsDir, logFile: path.join(tmp, 'code-server.log') });
const url = `${server.url}/?folder=${encodeURIComponent(workspace)}`;
console.log('');
console.log(`Justera is running in code-server (VS Code ${toolchain.vscodeVersion}) with ${path.relative(repoRoot, workspace)}/:`);
console.log(`  ${url}`);
console.log(`  (log: ${server.logFile}; Ctrl+C stops everything)`);
const exit = await server.exited;
if (!stopping) {
  log(`code-server exited by itself (${exit.code ?? exit.sig}); its log: ${server.logFile}`);
  await stopAll({ keepTemp: true });
  process.exit(1);
}
