/**
 * The editors' part of a cluster page: what editors did to this story, in plain lines ("merged by an editor on …"),
 * and the controls to do more. The controls are in every page but hidden; editor.js shows them once the admin token
 * was entered in this tab (it is kept in sessionStorage and sent as the bearer header). The token is never in a page
 * or a URL: the form that takes it submits nowhere (method="dialog" outside a dialog does nothing without the script).
 */
import type { EditorialMark, StoryDetail } from '../../model/story.ts';
import { fmtTime } from './layout.tsx';

/** Where the page's script is served from (src/routes/inspector.tsx); `script-src 'self'` allows nothing else. */
export const EDITOR_SCRIPT_PATH = '/inspector/editor.js';

export function EditorialLines(props: { story: StoryDetail }) {
  const s = props.story;
  const marks = s.editorial;
  if (!marks.length && !s.hidden) return null;
  const names = new Map(s.members.map((m) => [m.itemId, `${m.source.name}: “${m.title}”`]));
  return (
    <section class="editorial">
      {marks.map((e) => (
        <p class={`editorial-line action-${e.action}${e.inForce ? '' : ' superseded'}`} data-override={e.id}>
          <EditorialLine mark={e} story={s.id} names={names} />
          {e.note ? <span class="editorial-note"> — “{e.note}”</span> : null}{' '}
          <button type="button" class="editor-only undo" hidden data-undo={e.id}>
            Undo
          </button>
        </p>
      ))}
    </section>
  );
}

function EditorialLine(props: { mark: EditorialMark; story: string; names: Map<string, string> }) {
  const e = props.mark;
  const on = fmtTime(e.createdAt);
  const link = (id: string | null) => (id === props.story ? 'this story' : id ? <a href={`/inspector/clusters/${encodeURIComponent(id)}`}>{id}</a> : '?');
  const item = (id: string | null) => (id && props.names.get(id)) || <code>{id}</code>;
  if (e.action === 'merge') {
    return (
      <>
        merged by an editor on {on}: {link(e.storyId)} into {link(e.intoId)}
      </>
    );
  }
  if (e.action === 'split') {
    const where = e.intoId ? <>into {link(e.intoId)}</> : 'to a story of its own';
    return (
      <>
        {item(e.itemId)} split out of {link(e.storyId)} by an editor on {on}, {where}
        {e.itemStory && e.itemStory !== props.story && e.itemStory !== e.intoId ? <> (now in {link(e.itemStory)})</> : null}
      </>
    );
  }
  if (e.action === 'pin') {
    return e.inForce ? (
      <>
        canonical pinned by an editor on {on}: {item(e.itemId)}
      </>
    ) : (
      <>
        {item(e.itemId)} pinned as canonical by an editor on {on}, replaced by a later pin
      </>
    );
  }
  return e.inForce ? (
    <>hidden by an editor on {on}: left out of the API, the feeds and the inspector's list</>
  ) : (
    <>hidden by an editor on {on} as part of {link(e.storyId)}; not hidden here, its members here were split out since</>
  );
}

/** The token form and the story's controls (hide, merge into another story), shown by editor.js. */
export function EditorTools(props: { story: StoryDetail }) {
  const s = props.story;
  return (
    <section class="editor">
      <form class="editor-token" method="dialog">
        <label>
          Editor token <input type="password" name="token" autocomplete="off" spellcheck={false} />
        </label>{' '}
        <button type="submit">Use</button>
      </form>
      <div class="editor-only editor-tools" hidden>
        <span class="muted">Editing (the token is kept in this tab only).</span> <button type="button" class="forget">Forget token</button>
        <label>
          Note <input type="text" name="note" maxlength={500} size={40} placeholder="why (optional)" />
        </label>
        {s.hidden ? null : (
          <button type="button" data-action="hide" data-story={s.id}>
            Hide this story
          </button>
        )}{' '}
        <label>
          Story id <input type="text" name="into" size={18} placeholder="another story's id" />
        </label>{' '}
        <button type="button" data-action="merge" data-story={s.id}>
          Merge into…
        </button>
      </div>
      <p class="editor-status" role="status"></p>
    </section>
  );
}

/** One member's controls: split it out (into the story named in the box, else to a story of its own), pin it. */
export function MemberTools(props: { story: StoryDetail; itemId: string; isCanonical: boolean }) {
  return (
    <div class="editor-only member-tools" hidden>
      <label>
        into story <input type="text" name="split-into" size={18} placeholder="(a story of its own)" />
      </label>{' '}
      <button type="button" data-action="split" data-item={props.itemId}>
        Split this item out
      </button>{' '}
      {props.isCanonical ? null : (
        <button type="button" data-action="pin" data-story={props.story.id} data-item={props.itemId}>
          Pin as canonical
        </button>
      )}
    </div>
  );
}
