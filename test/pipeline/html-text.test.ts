import { describe, expect, it } from 'vitest';
import { plainLine } from '../../src/pipeline/html-text.ts';

describe('plainLine', () => {
  it('drops an unclosed <object>, <svg> or <math> tag alone: what follows is shown in a browser', () => {
    expect(plainLine('Regulator fines <object data="x"> three brokers')).toBe('Regulator fines three brokers');
    expect(plainLine('A <svg viewBox="0 0 1 1"> chart')).toBe('A chart');
  });
  it('still drops a closed invisible element with its content, and an unclosed script with the rest', () => {
    expect(plainLine('safe<object classid="x"><param name="a"></object> description')).toBe('safe description');
    expect(plainLine('Title <script>alert(1) and the rest')).toBe('Title');
  });
  it('strips a megabyte of unclosed invisible tags in linear time', () => {
    const t0 = performance.now();
    expect(plainLine('<object>x'.repeat(100_000))).toBe(Array(100_000).fill('x').join(' '));
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});

describe('plainLine and plainParagraphs on hostile text', () => {
  it('strip a megabyte of tags that never close in linear time (the tag regex rescanned from every "<")', async () => {
    const { plainParagraphs } = await import('../../src/pipeline/html-text.ts');
    for (const unit of ['<p', '<a', '<!x', '<?x', '</b']) {
      const t0 = performance.now();
      expect(plainParagraphs(unit.repeat(500_000)).length, unit).toBeGreaterThan(0);
      expect(performance.now() - t0, unit).toBeLessThan(5_000); // ~10 ms; the regex took minutes
    }
  });
  it('keep block tags as line breaks and drop the rest', async () => {
    const { plainParagraphs } = await import('../../src/pipeline/html-text.ts');
    expect(plainParagraphs('<p>One <b>two</b></p><p>Three<br/>four</p> 5 < 6 > 4')).toBe('One two\n\nThree\n\nfour\n\n5 < 6 > 4');
  });
});
