import { useMemo } from 'react';
import { Matrix4 } from 'three';
import { PivotControls } from '@react-three/drei';
import { nudgeMatrix, type Nudge } from '../../core/align/nudge';
import { setNudgeFromHandles } from '../../state/alignRetargetStore';

/**
 * Rotate / move / scale handles at the reference origin, showing the pending nudge. Dragging
 * hands the gizmo's matrix to the store, which turns it into the nudge; the reconstruction then
 * follows from the store like after a nudge button.
 */
export function NudgeHandles({ nudge }: { nudge: Nudge }) {
  const matrix = useMemo(() => new Matrix4().fromArray(nudgeMatrix(nudge)), [nudge]);
  return (
    <PivotControls
      matrix={matrix}
      autoTransform={false}
      onDrag={(local) => setNudgeFromHandles(local.elements)}
      fixed
      scale={70}
      depthTest={false}
      lineWidth={2}
      annotations
      userData={{ role: 'nudge-handles' }}
    />
  );
}
