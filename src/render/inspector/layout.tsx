/**
 * The inspector's page shell. hono/jsx escapes every interpolated string: no raw HTML goes in. That includes the style
 * sheet, so it holds no quote, '<', '>' or '&': escaped, one would break the rule it stands in.
 */
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
.text{white-space:pre-wrap;font-family:Georgia,serif;max-height:36rem;overflow:auto;border-top:1px solid #eee;padding-top:.5rem}.text p{margin:0 0 .8em}
del.noise{background:#fde2e2;color:#8a1c1c;text-decoration:line-through}
del.noise .rule{font:600 .7rem system-ui;text-decoration:none;display:inline-block;background:#8a1c1c;color:#fff;border-radius:.3rem;padding:0 .3rem;margin-left:.2rem}
.muted{color:#666;font-size:.85rem}.error{color:#a00}
.source-banner.all-failing{background:#fdecea;border:1px solid #e3a19b;border-radius:.4rem;padding:.6rem .9rem;margin:.8rem 0;color:#5c1511}
dl.kv{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:.3rem 0}dl.kv dt{color:#555}dl.kv dd{margin:0;min-width:0}
body{overflow-wrap:break-word}.pill{white-space:nowrap}input,select,button{max-width:100%;font:inherit}
mark.shared{background:#fff1a8;color:inherit;border-radius:.2rem;padding:0 .1rem}mark.shared-figure{background:#d9f2e3}mark.shared-coin{background:#e2e8fb}
.pill.first-report{background:#e3f4e8}.text-from{background:#f3f7ff;border-left:3px solid #2f6fde;padding:.4rem .7rem}
section.storyline{background:#fff;border:1px solid #e4e4e7;border-radius:.4rem;padding:.4rem 1rem;margin:1rem 0}
ol.timeline{padding-left:1.2rem}ol.timeline li{margin:.2rem 0}ol.timeline li.current{font-weight:600}
.developing{font-size:.8rem;color:#555}
.editorial{background:#fff8e1;border:1px solid #e8d48a;border-radius:.4rem;padding:.3rem .9rem;margin:.6rem 0}.editorial p{margin:.3rem 0}
.editorial .superseded{color:#777}.editor{font-size:.85rem;margin:.4rem 0}.editor label{margin-right:.4rem}
.editor-tools,.member-tools{display:flex;gap:.4rem;flex-wrap:wrap;align-items:center}.member-tools{margin:.4rem 0}
.editor-tools[hidden],.member-tools[hidden],.editor-only[hidden],form[hidden]{display:none}.editor-status:empty{display:none}.editor-status{color:#8a1c1c}
@media (max-width:640px){
  header{padding:.5rem .8rem}header .tagline{display:block}main{padding:.6rem .8rem}
  table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
  table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:auto}
  table.stack tr{border-bottom:2px solid #e4e4e7;padding:.3rem 0}table.stack td{border:0;padding:.1rem .3rem}
  table.stack td[data-label]::before{content:attr(data-label);margin-right:.5em;font-size:.75rem;text-transform:uppercase;color:#777}
  dl.kv{grid-template-columns:1fr}dl.kv dd{margin-bottom:.3rem}main{overflow-wrap:anywhere}
  form.filters label{flex:1 1 8rem}
}
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
          <a href="/inspector">onestory inspector</a>{' '}
          <span class="muted tagline" style="color:#cfd8e6">
            · why stories were grouped, what noise was removed, why the canonical won
          </span>
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
