import { describe, expect, it } from 'vitest';
import { cleanChecked, removedBy } from './helpers.ts';

describe('media-phrase', () => {
  it('drops a chart caption left as a verbless sentence between two paragraphs once its source line is gone', () => {
    const text =
      'Zorvex rose 6% on Tuesday after the Brindle listing went live. ZRX/USDT four-hour chart. ' +
      'Traders at Quellmark expect the rally to stall near $2.40. Zorvex price movement after the listing announcement. ' +
      'Volumes on the pair doubled overnight.';
    const r = cleanChecked(text);
    expect(removedBy(r, 'media-phrase')).toEqual(['ZRX/USDT four-hour chart.', 'Zorvex price movement after the listing announcement.']);
    expect(r.text).toContain('Traders at Quellmark expect the rally to stall near $2.40.');
    expect(r.text).toContain('Volumes on the pair doubled overnight.');
  });

  it('keeps sentences about a chart that say something, and a sub-heading with no stop', () => {
    const text =
      'Zorvex Daily Chart Outlook The weekly chart shows a rising wedge. On the daily chart, the token is up 10%. ' +
      'Price action now focuses on the $2 range. Strong performance. Choppy price action. Chart of the week below.';
    const r = cleanChecked(text);
    expect(removedBy(r, 'media-phrase')).toEqual([]);
    expect(r.text).toBe(text);
  });

  it('keeps a verbless noun phrase whose head is not a media noun, and one whose media noun is an object', () => {
    const text = 'Zorvex closed higher. Two broad buckets. Right-click on the chart to open the menu. Core market mover.';
    const r = cleanChecked(text);
    expect(removedBy(r, 'media-phrase')).toEqual([]);
  });
});
