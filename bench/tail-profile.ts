/**
 * Where the slowest tenth of the extraction bench's pages spend their CPU time (issue 11): extract + clean + label
 * over the 133 bench pages, one warm pass, each page timed (median of 3), then the slowest tenth run again under
 * V8's sampling profiler; the profile's self time is summed by module (linkedom, htmlparser2, Readability, ours)
 * and by function, and Readability's passes over the page are counted.
 *
 *   node --import tsx bench/tail-profile.ts [--out /tmp/tail.cpuprofile] [--rounds 5] [--root DIR]
 */
import { Session } from 'node:inspector/promises';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const DATA = path.resolve(here, '../../shared/data');
const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const root = path.resolve(opt('--root', path.resolve(here, '..')));
const rounds = Number(opt('--rounds', '5'));
const out = opt('--out', '/tmp/tail.cpuprofile');

interface Page { key: string; html: string; url: string }
const pagesDir = path.join(DATA, 'extraction-dev', 'readability-test-pages', 'pages');
const pages: Page[] = readdirSync(pagesDir).sort().map((slug) => ({
  key: slug, html: readFileSync(path.join(pagesDir, slug, 'source.html'), 'utf8'), url: 'http://fakehost/test/page.html',
}));
const cryptoDir = path.join(DATA, 'crypto-pages');
for (const f of readdirSync(cryptoDir).filter((f) => f.endsWith('.html')).sort()) {
  pages.push({ key: f, html: readFileSync(path.join(cryptoDir, f), 'utf8'), url: `https://example.com/${f}` });
}

const { extract } = await import(path.join(root, 'src/pipeline/extract/index.ts'));
const { WORKER_DOMS } = await import(path.join(root, 'src/dom/worker-doms.ts'));
const { cleanAndLabel } = await import(path.join(root, 'src/pipeline/clean-and-label.ts'));
const { Readability } = await import('@mozilla/readability');

// Readability's passes: _grabArticle runs once, and again with a flag removed each time the result is short.
const proto = Readability.prototype as unknown as { _grabArticle: (...a: unknown[]) => unknown };
const grab = proto._grabArticle;
let grabs = 0;
proto._grabArticle = function (this: unknown, ...a: unknown[]) {
  grabs++;
  return grab.apply(this, a);
};

const methods = new Map<string, string>();
const run = (p: Page) => {
  try {
    const got = extract(p.html, { ...WORKER_DOMS, url: p.url });
    methods.set(p.key, got?.method ?? 'none');
    return got && cleanAndLabel(got.text, { title: got.title, url: p.url });
  } catch {
    return null;
  }
};
const cpu = () => { const t = process.cpuUsage(); return (t.user + t.system) / 1000; };
for (const p of pages) run(p);
const times = pages.map((p) => {
  const xs: number[] = [];
  for (let i = 0; i < 3; i++) { const t = cpu(); run(p); xs.push(cpu() - t); }
  return xs.sort((a, b) => a - b)[1];
});
const order = pages.map((_, i) => i).sort((a, b) => times[b] - times[a]);
const tail = order.slice(0, Math.round(pages.length * 0.1)).map((i) => pages[i]);
const grabsBy = new Map<string, number>();
for (const p of tail) { grabs = 0; run(p); grabsBy.set(p.key, grabs); }
console.log('slowest tenth:');
for (const i of order.slice(0, tail.length)) console.log(`  ${pages[i].key.padEnd(32)} ${times[i].toFixed(1)} ms  ${methods.get(pages[i].key)}  grabArticle x${grabsBy.get(pages[i].key)}`);
console.log(`mean of all ${(times.reduce((a, b) => a + b, 0) / times.length).toFixed(1)} ms, tail mean ${(order.slice(0, tail.length).reduce((a, i) => a + times[i], 0) / tail.length).toFixed(1)} ms`);

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
for (let r = 0; r < rounds; r++) for (const p of tail) run(p);
const { profile } = await session.post('Profiler.stop');
writeFileSync(out, JSON.stringify(profile));
console.log(`profile: ${out}`);

// Where the profile's time goes: inclusive time under the frames named below, by callee (one level down).
interface ProfileNode { id: number; callFrame: { functionName: string; url: string }; children?: number[] }
const nodes = new Map<number, ProfileNode>(profile.nodes.map((n: ProfileNode) => [n.id, n]));
const selfTime = new Map<number, number>();
profile.samples!.forEach((id: number, i: number) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas![i] ?? 0)));
const total = [...selfTime.values()].reduce((a, b) => a + b, 0);
const inclusive = (id: number): number => (selfTime.get(id) ?? 0) + (nodes.get(id)!.children ?? []).reduce((a, c) => a + inclusive(c), 0);
const frame = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-2).join('/')}`;
for (const name of ['extract', 'parse', '_grabArticle', 'cleanAndLabel', '(garbage collector)']) {
  const by = new Map<string, number>();
  let all = 0;
  const visit = (id: number, inside: boolean) => {
    const n = nodes.get(id)!;
    const hit = !inside && n.callFrame.functionName === name && (!['parse', '_grabArticle'].includes(name) || n.callFrame.url.includes('Readability.js'));
    if (hit) {
      all += inclusive(id);
      for (const c of n.children ?? []) by.set(frame(nodes.get(c)!), (by.get(frame(nodes.get(c)!)) ?? 0) + inclusive(c));
    }
    for (const c of n.children ?? []) visit(c, inside || hit);
  };
  visit(profile.nodes[0].id, false);
  console.log(`${name}: ${((100 * all) / total).toFixed(1)} % of the tail's time`);
  for (const [k, v] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
}
