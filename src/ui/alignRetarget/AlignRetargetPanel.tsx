import { useEffect, useState } from 'react';
import { selectedGrasp, useDatasetStore } from '../../state/datasetStore';
import { currentGrasp, useAlignRetargetStore } from '../../state/alignRetargetStore';
import { AlignSection } from './AlignSection';
import { RetargetSection } from './RetargetSection';

/** From a reconstructed human grasp to robot grasps: align, then retarget (docs/align-retarget.md). */
export function AlignRetargetPanel() {
  const grasp = useDatasetStore(selectedGrasp);
  const panelGrasp = useAlignRetargetStore((s) => s.graspId);
  // Open by itself for grasps without a robot pose; otherwise only on request, so stepping
  // through robot grasps never builds the preview viewports.
  const [openFor, setOpenFor] = useState<Record<string, boolean>>({});
  useEffect(() => {
    currentGrasp();
  }, [grasp?.id]);
  // Until the panel's state has moved to this grasp, show nothing rather than another grasp's results.
  if (!grasp || grasp.id !== panelGrasp || (!grasp.reconstruction && !grasp.mano)) return null;
  const open = openFor[grasp.id] ?? !grasp.root;
  return (
    <details
      className="align-retarget-panel"
      data-testid="align-retarget-panel"
      open={open}
      onToggle={(e) => {
        const now = (e.currentTarget as HTMLDetailsElement).open;
        if (now !== open) setOpenFor((m) => ({ ...m, [grasp.id]: now }));
      }}
    >
      <summary>Align &amp; retarget</summary>
      {open && grasp.reconstruction && <AlignSection grasp={grasp} />}
      {open && grasp.mano && <RetargetSection grasp={grasp} />}
    </details>
  );
}
