#!/usr/bin/env node
/**
 * `npm run dev` (Chromium) and `npm run dev:firefox`: serves demo/ at http://127.0.0.1:4173/ (the start page
 * set in wxt.config.ts) and runs `wxt` in dev mode, which opens the browser with the extension loaded and
 * reloads it on every change. Extra arguments go to wxt.
 *
 * The browser and, without a display (no DISPLAY), xvfb are installed with apt-get when missing
 * (scripts/ensure-apt.sh); without a display it re-runs itself under `xvfb-run -a`, so the browser gets a
 * virtual screen. Ctrl-C (or SIGTERM) stops wxt, the browser, the server and Xvfb.
 *
 * Every process started from here carries a marker in its environment (DRAMATIS_DEV_SESSION; wxt and the
 * browser also DRAMATIS_DEV_WXT); on the way out, any such process still running (a browser whose launcher
 * died first, an orphaned Xvfb) is ended by its pid.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  createReadStream,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEMO_DIR = join(ROOT, 'demo');
const HOST = '127.0.0.1';
const PORT = Number(process.env.DRAMATIS_DEV_PORT ?? 4173);
const SESSION_VAR = 'DRAMATIS_DEV_SESSION';
const WXT_VAR = 'DRAMATIS_DEV_WXT';
const UNDER_XVFB_VAR = 'DRAMATIS_DEV_UNDER_XVFB';
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

const args = process.argv.slice(2);
const log = (message) => console.log(`[dev] ${message}`);

process.env[SESSION_VAR] ??= randomUUID();

const needsScreen = !process.env.DISPLAY && !process.env[UNDER_XVFB_VAR];
if (!process.env[UNDER_XVFB_VAR]) ensureSystemPackages();
if (needsScreen) runUnderXvfb();
else await runDev();

/**
 * Installs, with apt-get (scripts/ensure-apt.sh, as root or through sudo), the browser when it is missing
 * and, without a display, xvfb: a fresh headless machine then opens the browser like a desktop does.
 * Stops with what failed and what to do when they cannot be installed.
 */
function ensureSystemPackages() {
  const isFirefox = args[0] === 'firefox';
  const wanted = [isFirefox ? '/usr/bin/firefox-esr=firefox-esr' : '/usr/bin/chromium=chromium'];
  if (needsScreen && !hasCommand('xvfb-run')) {
    log('no DISPLAY and no xvfb-run: installing xvfb so the browser gets a virtual screen');
    wanted.push('/usr/bin/xvfb-run=xvfb');
  }
  const script = join(ROOT, 'scripts', 'ensure-apt.sh');
  const result = spawnSync('bash', [script, ...wanted], { stdio: 'inherit' });
  if (result.status === 0) return;
  const packages = wanted.map((pair) => pair.split('=')[1]).join(' ');
  console.error(
    `[dev] could not install ${packages} (the lines above say why). Install them yourself ` +
      `(apt-get install -y ${packages}), or run where DISPLAY is set; then run npm run dev again.`,
  );
  process.exit(1);
}

/** Outer process: re-runs this script under xvfb-run and relays a stop to it. */
function runUnderXvfb() {
  log('no DISPLAY: running under xvfb-run -a (virtual screen 1366x900)');
  const authDir = mkdtempSync(join(tmpdir(), 'dramatis-dev-xvfb-'));
  const child = spawn(
    'xvfb-run',
    [
      '-a',
      '-s',
      '-screen 0 1366x900x24',
      // Our own auth file, so nothing is left in /tmp even when xvfb-run is interrupted.
      '-f',
      join(authDir, 'Xauthority'),
      process.execPath,
      fileURLToPath(import.meta.url),
      ...args,
    ],
    { stdio: ['inherit', 'inherit', 'inherit', 'ipc'], env: { ...process.env, [UNDER_XVFB_VAR]: '1' } },
  );
  let exitCode;
  let connected = true;
  let stopping = false;
  const finish = () => {
    if (exitCode === undefined || connected) return;
    sweepProcesses(SESSION_VAR, process.env[SESSION_VAR]);
    rmSync(authDir, { recursive: true, force: true });
    process.exit(exitCode);
  };
  child.on('exit', (code, signal) => {
    exitCode = code ?? (signal ? 128 + signalNumber(signal) : 1);
    finish();
  });
  child.on('disconnect', () => {
    connected = false;
    finish();
  });
  child.on('error', (error) => {
    rmSync(authDir, { recursive: true, force: true });
    console.error(`[dev] could not start xvfb-run: ${error.message}`);
    process.exit(1);
  });
  for (const signal of STOP_SIGNALS) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      // Ask the inner process to stop cleanly (it ends wxt and the browser); xvfb-run then ends Xvfb.
      if (child.connected) child.send({ type: 'stop', signal });
      else child.kill(signal);
      setTimeout(() => {
        connected = false;
        exitCode ??= 130;
        finish();
      }, 20_000).unref();
    });
  }
}

/** Inner process: the demo server and wxt. */
async function runDev() {
  const server = await startDemoServer();
  log(`demo page: http://${HOST}:${PORT}/ (serving ${DEMO_DIR})`);

  const wxtBin = join(ROOT, 'node_modules', '.bin', 'wxt');
  const wxtArgs = args[0] === 'firefox' ? ['-b', 'firefox', ...args.slice(1)] : args;
  log(`starting: wxt ${wxtArgs.join(' ')}`.trim());
  const wxtMarker = randomUUID();
  const wxt = spawn(wxtBin, wxtArgs, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, [WXT_VAR]: wxtMarker },
  });

  let stopping = false;
  let wxtExited = false;
  const done = new Promise((resolve) => {
    wxt.on('exit', (code, signal) => {
      wxtExited = true;
      resolve(code ?? (signal ? 128 + signalNumber(signal) : 1));
    });
    wxt.on('error', (error) => {
      console.error(`[dev] could not start wxt (${wxtBin}): ${error.message}. Run npm install.`);
      wxtExited = true;
      resolve(1);
    });
  });

  const stop = async (reason) => {
    if (stopping) return;
    stopping = true;
    log(`stopping (${reason})`);
    if (!wxtExited) {
      // SIGINT: chrome-launcher (inside wxt) then closes Chromium; Firefox gets it from the terminal or the sweep.
      wxt.kill('SIGINT');
      const timer = setTimeout(() => wxtExited || wxt.kill('SIGKILL'), 8_000);
      await done;
      clearTimeout(timer);
    }
  };

  for (const signal of STOP_SIGNALS) process.on(signal, () => void stop(signal));
  if (process.send) {
    process.on('message', (message) => {
      if (message && message.type === 'stop') void stop(`${message.signal} relayed`);
    });
    // The outer process went away: do not outlive it.
    process.on('disconnect', () => void stop('parent exited'));
  }

  const code = await done;
  if (!stopping) log(`wxt exited with code ${code}`);
  sweepProcesses(WXT_VAR, wxtMarker);
  await new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  log('stopped');
  process.exit(stopping ? 0 : code);
}

/** A static server for demo/ (no dependency; only GET and HEAD; never outside demo/). */
function startDemoServer() {
  const types = {
    '.html': 'text/html; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.json': 'application/json; charset=utf-8',
    '.txt': 'text/plain; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.jpg': 'image/jpeg',
    '.ico': 'image/x-icon',
  };
  const server = createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end('Bad request');
      return;
    }
    let file = normalize(join(DEMO_DIR, pathname));
    if (file !== DEMO_DIR && !file.startsWith(DEMO_DIR + sep)) {
      res.writeHead(403).end('Forbidden');
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`Not found: ${pathname}`);
      return;
    }
    res.writeHead(200, {
      'content-type': types[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.once('error', (error) => {
      console.error(
        error.code === 'EADDRINUSE'
          ? `[dev] ${HOST}:${PORT} is in use (another npm run dev?). Stop it, or set DRAMATIS_DEV_PORT (the start page in wxt.config.ts stays 4173).`
          : `[dev] demo server: ${error.message}`,
      );
      process.exit(1);
    });
    server.listen(PORT, HOST, () => resolve(server));
  });
}

/** Ends, by pid, processes whose environment has name=value, except this process and its ancestors. */
function sweepProcesses(name, value) {
  if (process.platform !== 'linux') return;
  const spare = new Set([process.pid]);
  for (let pid = process.ppid; pid > 1 && !spare.has(pid); pid = parentOf(pid)) spare.add(pid);
  const marker = `${name}=${value}`;
  const found = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || spare.has(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(marker)) found.push(pid);
    } catch {
      // gone, or not ours to read
    }
  }
  if (found.length === 0) return;
  log(`ending ${found.length} leftover process(es): ${found.join(' ')}`);
  for (const pid of found) tryKill(pid, 'SIGTERM');
  const deadline = Date.now() + 3_000;
  while (Date.now() < deadline && found.some(isAlive)) spawnSync('sleep', ['0.1']);
  for (const pid of found) if (isAlive(pid)) tryKill(pid, 'SIGKILL');
}

function parentOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return 1;
  }
}

function isAlive(pid) {
  try {
    // A zombie still answers kill(0); read its state instead.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

function tryKill(pid, signal) {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function signalNumber(signal) {
  return { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal] ?? 0;
}
