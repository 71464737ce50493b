import { useViewStore } from '../state/viewStore';
import { useSceneStore } from '../state/sceneStore';
import { actionNamed, actions } from './actions';

/** A toggle rendered from the actions registry: its state and what it does live with the action. */
function ActionCheckbox({ name }: { name: string }) {
  useViewStore(); // re-render when a view flag changes
  const a = actionNamed(name);
  return <input type="checkbox" checked={a.checked?.() ?? false} onChange={() => a.perform()} />;
}

function keyHint(name: string) {
  const a = actions.find((x) => x.name === name);
  return a ? ` (${a.keys[0]})` : '';
}

export function Toolbar() {
  const view = useViewStore();
  const hasRecon = useSceneStore((s) => s.reconstruction !== null);
  return (
    <div className="toolbar" role="toolbar" aria-label="View">
      <div className="segmented" role="radiogroup" aria-label="Object mesh">
        <button
          role="radio"
          aria-checked={view.objectSource === 'reference'}
          onClick={() => view.setObjectSource('reference')}
          title={'Accurate reference mesh' + keyHint('toggleReconstruction')}
        >
          Reference
        </button>
        <button
          role="radio"
          aria-checked={view.objectSource === 'reconstruction'}
          onClick={() => view.setObjectSource('reconstruction')}
          disabled={!hasRecon}
          title={hasRecon ? 'Noisy mesh reconstructed by the HOI model' + keyHint('toggleReconstruction') : 'This grasp has no reconstruction'}
        >
          Reconstructed
        </button>
      </div>
      <label title={'Wireframe' + keyHint('toggleWireframe')}>
        <ActionCheckbox name="toggleWireframe" /> Wireframe
      </label>
      <label title={'Robot hand' + keyHint('toggleHand')}>
        <ActionCheckbox name="toggleHand" /> Robot hand
      </label>
      <label title={'Object' + keyHint('toggleObject')}>
        <ActionCheckbox name="toggleObject" /> Object
      </label>
      <label title={'Reconstructed human (MANO) hand, when the grasp has one' + keyHint('toggleMano')}>
        <ActionCheckbox name="toggleMano" /> Human hand
      </label>
      <span className="toolbar-group" role="group" aria-label="Overlays">
        <label title={'Hand points inside the object, coloured by depth' + keyHint('togglePenetration')}>
          <ActionCheckbox name="togglePenetration" /> Penetration
        </label>
        <label title={'Object surface in contact with the hand' + keyHint('toggleContact')}>
          <ActionCheckbox name="toggleContact" /> Contact
        </label>
        <label title={'Fingertip-to-surface distances' + keyHint('toggleFingertips')}>
          <ActionCheckbox name="toggleFingertips" /> Fingertips
        </label>
      </span>
    </div>
  );
}
