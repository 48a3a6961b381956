/** The storyline of a story's event on its inspector page: the events of the matter in time order, and why this one is in it. */
import type { StorylineRef } from '../../model/story.ts';
import { anchorSurface } from '../../pipeline/shared-evidence.ts';
import type { LinkWhy } from '../../pipeline/storyline/store.ts';
import { fmtTime } from './layout.tsx';

/** `text`: what this event's linking story says (title and text), to show the shared anchors as it writes them. */
export function StorylineTimeline(props: { storyline: StorylineRef; current: string; why: unknown; text: (itemId: string) => string }) {
  const l = props.storyline;
  const why = props.why as Partial<LinkWhy> | null;
  const text = why?.itemId ? props.text(why.itemId) : '';
  // 'n:$48m ether' and 'n:$48m' are one figure; 'w:electric', 'w:coin' are shown word by word
  const shared = [...new Map((why?.shared ?? []).map((k) => k.split(' ')[0]).map((k) => [k, anchorSurface(k, text)])).entries()];
  const others = l.size - l.events.length;
  return (
    <section class="storyline" data-storyline={l.id}>
      <h2>
        Storyline: {l.size} events <span class="muted">(the same matter, each its own event)</span>
      </h2>
      <p class="muted">
        {l.title} · <a href={`/api/v1/storylines/${encodeURIComponent(l.id)}`}>JSON</a>
      </p>
      <ol class="timeline">
        {others > 0 ? <li class="muted">… {others} earlier events</li> : null}
        {l.events.map((e) => (
          <li class={e.id === props.current ? 'current' : ''}>
            <span class="muted">{fmtTime(e.publishedAt)}</span>{' '}
            {e.id === props.current ? <strong>{e.title} (this event)</strong> : <a href={`/inspector/clusters/${encodeURIComponent(e.id)}`}>{e.title}</a>}{' '}
            <span class="muted">
              · {e.size} stor{e.size === 1 ? 'y' : 'ies'}
            </span>
          </li>
        ))}
      </ol>
      {why?.shared ? (
        <p class="storyline-why">
          This event is in it because one of its stories and a story of{' '}
          {why.toClusterId ? <a href={`/inspector/clusters/${encodeURIComponent(why.toClusterId)}`}>another event</a> : 'another event'} both name{' '}
          {shared.map(([k, surface], i) => (
            <>
              {i ? ', ' : ''}
              <mark class={`shared ${k.startsWith('n:') ? 'shared-figure' : 'shared-name'}`}>{surface}</mark>
            </>
          ))}{' '}
          ({why.things} distinct names or figures) and their same-event cosine is {why.event?.toFixed(2)}, above the storyline bar {why.bar?.toFixed(2)}, which is
          lower than the bar that joins stories into one event.
        </p>
      ) : (
        <p class="storyline-why muted">
          {(props.why as { override?: string } | null)?.override
            ? 'This event came into the storyline when an editor merged a story of it into this one; undoing that override takes it out again.'
            : 'This event came into the storyline with an event merged into it.'}
        </p>
      )}
    </section>
  );
}
