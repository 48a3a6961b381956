import { expect, it } from 'vitest';
it('runs on node', () => expect(1 + 1).toBe(2));
