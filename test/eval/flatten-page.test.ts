import { describe, expect, it } from 'vitest';
import { flattenPage, FLAT_PAGE_CHARS, loadFlatPage } from '../../eval/flatten-page.ts';
import { defaultDataDir } from '../../eval/section.ts';

const page = (body: string, head = '') => `<!doctype html><html><head><title>Tab title | Example Gazette</title>${head}</head><body>${body}</body></html>`;

describe('flattenPage: a web page as the held-out page texts were flattened', () => {
  it('runs blocks and inline elements together with no white space between them', () => {
    const { text } = flattenPage(page('<nav><a>Home</a> <a>Sport</a>\n<a>Weather</a></nav><p>The council  met on\nMonday.</p><p>It voted <b>twice</b>.</p>'));
    expect(text).toBe('HomeSportWeatherThe council met on Monday.It votedtwice.');
  });

  it('leaves out scripts, styles and other text a reader never sees', () => {
    const { text } = flattenPage(page('<script>var a = 1;</script><style>p{}</style><noscript>Enable scripts</noscript><p>Story text.</p><template><p>hidden</p></template>'));
    expect(text).toBe('Story text.');
  });

  it('takes the headline from og:title, then the first h1, then the title tag', () => {
    expect(flattenPage(page('<h1>The h1</h1>', '<meta property="og:title" content="The og title">')).title).toBe('The og title');
    expect(flattenPage(page('<h1>The  h1\n</h1>')).title).toBe('The h1');
    expect(flattenPage(page('<p>x</p>')).title).toBe('Tab title | Example Gazette');
  });

  it('cuts the text at the fixed length, the same on every run', () => {
    const long = page(`<p>${'word '.repeat(3000)}</p>`);
    const a = flattenPage(long).text;
    expect(a.length).toBe(FLAT_PAGE_CHARS);
    expect(flattenPage(long).text).toBe(a);
  });

  it('reads a readability-test-pages page by its folder and refuses a key that is not one folder name', () => {
    const page = loadFlatPage(defaultDataDir(), 'readability-test-pages/tmz-1');
    expect(page.key).toBe('readability-test-pages/tmz-1');
    expect(page.input.length).toBeGreaterThan(1000);
    expect(page.input.length).toBeLessThanOrEqual(FLAT_PAGE_CHARS);
    expect(page.title).toBeTruthy();
    expect(() => loadFlatPage(defaultDataDir(), 'readability-test-pages/../../secrets')).toThrow(/has no page/);
  });
});
