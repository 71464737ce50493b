import { describe, expect, it } from 'vitest';
import type { FilterRules } from './filterRules';
import { PRESETS_FORMAT, PresetFileError, exportPresets, mergePresets, parsePresetsFile, removePreset, upsertPreset, type FilterPreset } from './presets';

const strict: FilterRules = {
  metrics: { penetration_depth_cm: { max: 0.5 }, contact_ratio_pct: { min: 20 } },
  perCategory: { mug: { penetration_depth_cm: { max: 1 }, contact_ratio_pct: { min: null } } },
  hands: ['shadow'],
  decisionStates: ['undecided'],
  text: 'youtube',
};

describe('filter presets', () => {
  it('round-trips through JSON, nulls and all', () => {
    const list = upsertPreset([], { name: 'Web2Grasp strict', rules: strict, savedAt: '2025-01-01T00:00:00.000Z' });
    const text = exportPresets(list);
    expect(JSON.parse(text).format).toBe(PRESETS_FORMAT);
    const back = parsePresetsFile(text, 'mine.json');
    expect(back.presets).toEqual(list);
    expect(back.warnings).toEqual([]);
  });

  it('names the file and the field in errors', () => {
    const bad = (obj: unknown) => () => parsePresetsFile(JSON.stringify(obj), 'lab-presets.json');
    expect(() => parsePresetsFile('{ nope', 'lab-presets.json')).toThrow(/^lab-presets\.json: not valid JSON/);
    expect(bad({ format: 'hoi-studio/decisions@1' })).toThrow(/lab-presets\.json: not a filter preset file/);
    expect(bad({ format: 'hoi-studio/filter-presets@2', presets: [] })).toThrow(/format "hoi-studio\/filter-presets@2", which this version cannot read/);
    expect(bad({ format: PRESETS_FORMAT, presets: [{ name: 'x', rules: { metrics: { depth: { max: 1 } }, perCategory: {} } }] })).toThrow(
      /lab-presets\.json: presets\.0\.rules\.metrics.*depth/,
    );
    expect(bad({ format: PRESETS_FORMAT, presets: [{ name: 'x', rules: { metrics: { penetration_depth_cm: { max: 'big' } }, perCategory: {} } }] })).toThrow(
      /presets\.0\.rules\.metrics\.penetration_depth_cm\.max/,
    );
    expect(bad({ format: PRESETS_FORMAT, presets: [{ name: '', rules: { metrics: {}, perCategory: {} } }] })).toThrow(/a preset needs a name/);
    expect(bad({ format: PRESETS_FORMAT, presets: [{ name: 'x', rules: { metrics: {}, perCategory: {}, decisionStates: ['maybe'] } }] })).toThrow(PresetFileError);
  });

  it('warns about presets that pass nothing and duplicate names', () => {
    const file = {
      format: PRESETS_FORMAT,
      presets: [
        { name: 'a', rules: { metrics: { contact_ratio_pct: { min: 50, max: 10 } }, perCategory: {} } },
        { name: 'a', rules: { metrics: {}, perCategory: {} } },
      ],
    };
    const { presets, warnings } = parsePresetsFile(JSON.stringify(file), 'f.json');
    expect(presets).toHaveLength(1);
    expect(presets[0].rules.metrics).toEqual({});
    expect(warnings.join('\n')).toMatch(/appears more than once/);
    expect(warnings.join('\n')).toMatch(/min 50 is above max 10/);
  });

  it("merges imports without overwriting the user's presets", () => {
    const mine: FilterPreset[] = [{ name: 'strict', rules: strict }];
    const theirs: FilterPreset[] = [
      { name: 'strict', rules: { metrics: {}, perCategory: {} } },
      { name: 'strict', rules: strict },
      { name: 'loose', rules: { metrics: {}, perCategory: {} } },
    ];
    const merged = mergePresets(mine, theirs);
    expect(merged.map((p) => p.name)).toEqual(['loose', 'strict', 'strict (2)']);
    expect(merged.find((p) => p.name === 'strict')!.rules).toBe(strict);
    expect(removePreset(merged, 'loose').map((p) => p.name)).toEqual(['strict', 'strict (2)']);
    expect(upsertPreset(merged, { name: 'loose', rules: strict }).find((p) => p.name === 'loose')!.rules).toBe(strict);
  });
});
