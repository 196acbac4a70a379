#!/usr/bin/env node
// Proves that adding an indicator means adding its files and nothing else:
// copies the project to a temporary folder, writes the worked example of
// docs/adding-an-indicator.md (every code block introduced by its path),
// builds both backends and the TypeScript, regenerates the perf-smoke
// reference values, checks that the only existing files that changed are
// generated ones, and runs the example's parity, reference and golden-coverage
// tests plus the generated-file check.
// Usage: node scripts/check-add-indicator.mjs [--keep]   (takes minutes: it builds the addon)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const keep = process.argv.includes('--keep');

// What the build and `npm run smoke:reference` may rewrite when an indicator is added.
const GENERATED = new Set([
  'src/indicators/index.ts', 'native/kernels.h', 'asm/kernels.ts', 'test/reference/index.ts', 'test/golden/index.ts',
  'docs/indicators.md', 'README.md', 'data/perf-smoke-reference.json',
]);

const doc = readFileSync(path.join(ROOT, 'docs', 'adding-an-indicator.md'), 'utf8');
const example = [...doc.matchAll(/^`([\w/.-]+\.(?:ts|h))`:\n\n```\w*\n([\s\S]*?)^```$/gm)].map(([, file, text]) => ({ file, text }));
const id = /id: '([\w.]+)'/.exec(example.find((e) => e.file.startsWith('src/indicators/'))?.text ?? '')?.[1];
if (!id || example.length < 4) throw new Error('docs/adding-an-indicator.md has no worked example (a definition and its kernels, each block after its `path`:)');

const tmp = mkdtempSync(path.join(os.tmpdir(), 'ta-grid-add-'));
const sh = (cmd, args) => {
  console.log(`\n$ ${[cmd, ...args].join(' ')}`);
  execFileSync(cmd, args, { cwd: tmp, stdio: 'inherit', env: { ...process.env, CI: 'true' } });
};
const digest = (file) => createHash('sha256').update(readFileSync(path.join(tmp, file))).digest('hex');

let ok = false;
try {
  const tracked = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n').filter((f) => f && existsSync(path.join(ROOT, f)));
  for (const f of tracked) cpSync(path.join(ROOT, f), path.join(tmp, f), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(tmp, 'node_modules'), 'dir');
  const before = new Map(tracked.map((f) => [f, digest(f)]));

  console.log(`adding ${id} in ${tmp}: ${example.map((e) => e.file).join(', ')}`);
  for (const { file, text } of example) {
    if (before.has(file)) throw new Error(`the example would overwrite ${file}`);
    mkdirSync(path.dirname(path.join(tmp, file)), { recursive: true });
    writeFileSync(path.join(tmp, file), text);
  }

  sh('npm', ['run', 'build:native']);
  sh('npm', ['run', 'build:wasm']);
  sh('npm', ['run', 'build:ts']);
  sh('npm', ['run', 'smoke:reference']);

  const changed = [...before].filter(([f, sum]) => digest(f) !== sum).map(([f]) => f);
  const handEdits = changed.filter((f) => !GENERATED.has(f));
  console.log(`\nexisting files rewritten by the build: ${changed.join(', ') || 'none'}`);
  if (handEdits.length) throw new Error(`files other than generated ones changed: ${handEdits.join(', ')}`);

  const pattern = `${id.replace('.', '\\.')}|every indicator|up to date`;
  // The first test also starts and warms up both engines: allow for a loaded machine.
  sh('npx', ['vitest', 'run', '--testTimeout=600000', 'test/parity.test.ts', 'test/smoke-reference.test.ts', 'test/golden.test.ts',
    'test/lookahead.test.ts', 'test/generated.test.ts', '-t', pattern]);
  ok = true;
  console.log(`\n${id}: ${example.length} new files, 0 existing files edited by hand; built, and its parity, reference, look-ahead and generated-file tests pass`);
} finally {
  if (keep || !ok) console.log(`\nthe copy is kept in ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
}
