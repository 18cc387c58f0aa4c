// Time one workload inside Monty (@pydantic/monty): new Monty(code).run(), excluding
// process start.
//   node monty_run.mjs FILE           output on stdout, `time: <s>` on stderr
//   node monty_run.mjs --latency N    N x new Monty(snippet).run(); `per_iter_us: <f>` on stderr
// Monty is looked up in bench/.monty (installed there by run.py).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, '.monty', 'node_modules', '@pydantic', 'monty', 'wrapper.js');
const { Monty } = await import(pathToFileURL(pkg).href);

const SNIPPET = "x = {'a': [1, 2, 3]}; y = [v * 2 for v in x['a']]";

function runFile(path) {
  const code = readFileSync(path, 'utf8');
  const out = [];
  // The callback must return undefined: Monty rejects any other return value.
  const printCallback = (_stream, text) => { out.push(text); };
  let err = null;
  const t0 = performance.now();
  try {
    new Monty(code, { scriptName: path }).run({ printCallback });
  } catch (e) {
    err = e;
  }
  const t1 = performance.now();
  process.stdout.write(out.join(''));
  if (err) {
    const msg = typeof err.display === 'function' ? err.display('traceback') : String(err);
    process.stderr.write(msg + '\n');
    process.exitCode = 1;
    return;
  }
  process.stderr.write(`time: ${((t1 - t0) / 1000).toFixed(6)}\n`);
}

function latency(n) {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) new Monty(SNIPPET).run();
  const t1 = performance.now();
  process.stderr.write(`per_iter_us: ${((t1 - t0) * 1000 / n).toFixed(3)}\n`);
}

const args = process.argv.slice(2);
if (args.length === 2 && args[0] === '--latency') latency(parseInt(args[1], 10));
else if (args.length === 1) runFile(args[0]);
else {
  process.stderr.write('usage: monty_run.mjs FILE | --latency N\n');
  process.exitCode = 2;
}
