import { useEffect } from 'react';
import { selectedGrasp, useDatasetStore } from '../../state/datasetStore';
import { currentGrasp, useAlignRetargetStore } from '../../state/alignRetargetStore';
import { AlignSection } from './AlignSection';
import { RetargetSection } from './RetargetSection';

/** From a reconstructed human grasp to robot grasps: align, then retarget (docs/align-retarget.md). */
export function AlignRetargetPanel() {
  const grasp = useDatasetStore(selectedGrasp);
  const panelGrasp = useAlignRetargetStore((s) => s.graspId);
  useEffect(() => {
    currentGrasp();
  }, [grasp?.id]);
  // Until the panel's state has moved to this grasp, show nothing rather than another grasp's results.
  if (!grasp || grasp.id !== panelGrasp || (!grasp.reconstruction && !grasp.mano)) return null;
  return (
    <details className="align-retarget-panel" data-testid="align-retarget-panel" open={!grasp.root}>
      <summary>Align &amp; retarget</summary>
      {grasp.reconstruction && <AlignSection grasp={grasp} />}
      {grasp.mano && <RetargetSection grasp={grasp} />}
    </details>
  );
}
