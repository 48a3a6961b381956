/** The inspector's page shell. hono/jsx escapes every interpolated string: no raw HTML goes in. */
import type { Child } from 'hono/jsx';

const CSS = `
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{background:#13233a;color:#fff;padding:.6rem 1.2rem}header a{color:#fff;text-decoration:none;font-weight:600}
main{max-width:72rem;margin:0 auto;padding:1rem 1.2rem}
table{border-collapse:collapse;width:100%;background:#fff}th,td{padding:.35rem .5rem;border-bottom:1px solid #e4e4e7;text-align:left;vertical-align:top}
th{font-size:.8rem;text-transform:uppercase;color:#555}
form.filters{display:flex;gap:.5rem;flex-wrap:wrap;align-items:end;margin-bottom:1rem}form.filters label{display:flex;flex-direction:column;font-size:.8rem}
.pill{display:inline-block;padding:0 .4rem;border-radius:.6rem;background:#e8eefc;font-size:.8rem;margin-right:.2rem}
.kind-sponsored,.kind-press-release{background:#fde8e8}.kind-price-prediction{background:#fff4d6}
.member{background:#fff;border:1px solid #e4e4e7;border-radius:.4rem;padding:.8rem 1rem;margin:1rem 0}
.member.canonical{border-color:#2f6fde;box-shadow:0 0 0 1px #2f6fde}
.text{white-space:pre-wrap;font-family:Georgia,serif;max-height:36rem;overflow:auto;border-top:1px solid #eee;padding-top:.5rem}
del.noise{background:#fde2e2;color:#8a1c1c;text-decoration:line-through}
del.noise .rule{font:600 .7rem system-ui;text-decoration:none;display:inline-block;background:#8a1c1c;color:#fff;border-radius:.3rem;padding:0 .3rem;margin-left:.2rem}
.muted{color:#666;font-size:.85rem}.error{color:#a00}
.source-banner.all-failing{background:#fdecea;border:1px solid #e3a19b;border-radius:.4rem;padding:.6rem .9rem;margin:.8rem 0;color:#5c1511}
dl.kv{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:.3rem 0}dl.kv dt{color:#555}
.editorial{background:#fff8e1;border:1px solid #e8d48a;border-radius:.4rem;padding:.3rem .9rem;margin:.6rem 0}.editorial p{margin:.3rem 0}
.editorial .superseded{color:#777}.editor{font-size:.85rem;margin:.4rem 0}.editor label{margin-right:.4rem}
.editor-tools,.member-tools{display:flex;gap:.4rem;flex-wrap:wrap;align-items:center}.member-tools{margin:.4rem 0}
.editor-tools[hidden],.member-tools[hidden],.editor-only[hidden],form[hidden]{display:none}.editor-status:empty{display:none}.editor-status{color:#8a1c1c}
`;

export function Layout(props: { title: string; children: Child; script?: string }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title} · onestory inspector</title>
        <style>{CSS}</style>
        {props.script ? <script src={props.script} defer></script> : null}
      </head>
      <body>
        <header>
          <a href="/inspector">onestory inspector</a> <span class="muted" style="color:#cfd8e6">· why stories were grouped, what noise was removed, why the canonical won</span>
        </header>
        <main>{props.children}</main>
      </body>
    </html>
  );
}

export function fmtTime(t: number): string {
  return new Date(t).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

/** Renders stored explanation objects (placement, score parts) as nested key/value lists. */
export function Explain(props: { value: unknown }): Child {
  const v = props.value;
  if (v == null) return <span class="muted">—</span>;
  if (typeof v === 'number') return <span>{Number.isInteger(v) ? v : v.toFixed(3)}</span>;
  if (typeof v !== 'object') return <span>{String(v)}</span>;
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x !== 'object' || x === null)) return <span>{v.map(String).join(', ')}</span>;
    return (
      <ul>
        {v.map((x) => (
          <li>
            <Explain value={x} />
          </li>
        ))}
      </ul>
    );
  }
  return (
    <dl class="kv">
      {Object.entries(v as Record<string, unknown>).map(([k, x]) => (
        <>
          <dt>{k}</dt>
          <dd style="margin:0">
            <Explain value={x} />
          </dd>
        </>
      ))}
    </dl>
  );
}
