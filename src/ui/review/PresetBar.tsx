import { useState } from 'react';
import { deletePreset, importPresetsFile, loadPreset, presetsFileText, savePreset } from '../../state/reviewActions';
import { pushError, useReviewStore } from '../../state/reviewStore';
import { downloadText, onFilesChosen } from '../download';

/** Named filter presets: load, save the current rules, delete, export and import as JSON. */
export function PresetBar() {
  const presets = useReviewStore((s) => s.presets);
  const active = useReviewStore((s) => s.activePreset);
  const [name, setName] = useState('');
  return (
    <div className="preset-bar">
      <select aria-label="Filter preset" value={active ?? ''} onChange={(e) => e.target.value && loadPreset(e.target.value)}>
        <option value="">{presets.length ? '— preset —' : 'no presets'}</option>
        {presets.map((p) => (
          <option key={p.name} value={p.name}>
            {p.name}
          </option>
        ))}
      </select>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void savePreset(name || active || '');
          setName('');
        }}
      >
        <input aria-label="Preset name" placeholder={active ?? 'preset name'} value={name} onChange={(e) => setName(e.target.value)} size={10} />
        <button type="submit" disabled={!(name.trim() || active)}>
          Save preset
        </button>
      </form>
      <button disabled={!active} onClick={() => active && confirm(`Delete the preset "${active}"?`) && void deletePreset(active)}>
        Delete
      </button>
      <button disabled={presets.length === 0} onClick={() => downloadText('filter-presets.json', presetsFileText())}>
        Export presets
      </button>
      <label className="file-button">
        Import presets
        <input
          type="file"
          accept=".json,application/json"
          onChange={onFilesChosen(async (files) => {
            for (const f of files) await importPresetsFile(f.name, f.text);
          }, pushError)}
        />
      </label>
    </div>
  );
}
