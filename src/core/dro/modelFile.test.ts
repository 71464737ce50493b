import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBuiltinHand } from '../hands/builtin/builtinHands';
import { parseDroModel } from './modelFile';
import { bindRobotPoints } from './robotPoints';

const tiny = readFileSync(path.join(__dirname, 'fixtures/tiny/dro.json'), 'utf8');

describe('dro.json', () => {
  it('accepts the contract and resolves the graphs next to it', () => {
    const m = parseDroModel(tiny, 'https://models.test/tiny/dro.json');
    expect(m.hand).toBe('shadowhand');
    expect(m.embedUrl).toBe('https://models.test/tiny/embed.onnx');
    expect(m.kernelUrl).toBe('https://models.test/tiny/kernel.onnx');
    // Free-form training information is kept.
    expect(m.architecture).toBeTruthy();
  });

  it('names the file and the problem', () => {
    const bad = JSON.parse(tiny);
    bad.robotPoints.local.pop();
    expect(() => parseDroModel(JSON.stringify(bad), 'm/dro.json')).toThrow(/^m\/dro\.json: .*robotPoints: links has 32 entries but local has 31/);
    expect(() => parseDroModel(JSON.stringify({ ...JSON.parse(tiny), format: 'other@1' }), 'm/dro.json')).toThrow(/m\/dro\.json: .*format/);
    expect(() => parseDroModel(JSON.stringify({ ...JSON.parse(tiny), embed: 'javascript:alert(1)' }), 'm/dro.json')).toThrow(/embed: only relative paths/);
    expect(() => parseDroModel('{ nope', 'm/dro.json')).toThrow(/m\/dro\.json: not valid JSON/);
  });

  it('refuses links the hand does not have, naming them', async () => {
    const leap = await loadBuiltinHand('leaphand');
    expect(() => bindRobotPoints(leap.kinematics, parseDroModel(tiny, 'tiny/dro.json'), 'tiny/dro.json')).toThrow(
      /tiny\/dro\.json: robotPoints name links the hand does not have: palm, ffproximal/,
    );
  });
});
