import { useViewStore } from '../state/viewStore';
import { useSceneStore } from '../state/sceneStore';
import { actions } from './actions';

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
        <input type="checkbox" checked={view.wireframe} onChange={() => view.toggle('wireframe')} /> Wireframe
      </label>
      <label title={'Robot hand' + keyHint('toggleHand')}>
        <input type="checkbox" checked={view.showHand} onChange={() => view.toggle('showHand')} /> Robot hand
      </label>
      <label title={'Object' + keyHint('toggleObject')}>
        <input type="checkbox" checked={view.showObject} onChange={() => view.toggle('showObject')} /> Object
      </label>
      <label title={'Reconstructed human (MANO) hand, when the grasp has one' + keyHint('toggleMano')}>
        <input type="checkbox" checked={view.showMano} onChange={() => view.toggle('showMano')} /> Human hand
      </label>
      <span className="toolbar-group" role="group" aria-label="Overlays">
        <label title={'Hand points inside the object, coloured by depth' + keyHint('togglePenetration')}>
          <input type="checkbox" checked={view.overlayPenetration} onChange={() => view.toggle('overlayPenetration')} /> Penetration
        </label>
        <label title={'Object surface in contact with the hand' + keyHint('toggleContact')}>
          <input type="checkbox" checked={view.overlayContact} onChange={() => view.toggle('overlayContact')} /> Contact
        </label>
        <label title={'Fingertip-to-surface distances' + keyHint('toggleFingertips')}>
          <input type="checkbox" checked={view.overlayFingertips} onChange={() => view.toggle('overlayFingertips')} /> Fingertips
        </label>
      </span>
    </div>
  );
}
