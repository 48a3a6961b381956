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
