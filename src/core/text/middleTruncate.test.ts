import { expect, it } from 'vitest';
import { middleSplit } from './middleTruncate';

it('keeps the distinguishing end of long labels apart from the head that may be cut', () => {
  expect(middleSplit('mug-01', 6)).toEqual(['mug-01', '']);
  expect(middleSplit('power_drill-shadow-012', 7)).toEqual(['power_drill-sha', 'dow-012']);
  expect(middleSplit('😀😀😀😀😀', 2)).toEqual(['😀😀😀', '😀😀']);
});
