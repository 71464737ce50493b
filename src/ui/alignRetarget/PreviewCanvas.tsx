import type { ReactNode } from 'react';
import { Canvas } from '@react-three/fiber';
import { OrbitControls } from '@react-three/drei';
import type { TriMesh } from '../../core/mesh/triMesh';
import { PreviewFit } from './PreviewFit';

/** A small viewport of its own (z up, metres) for the align and retarget previews. */
export function PreviewCanvas({ fit, scale, children, testId, label }: { fit: TriMesh | null; scale: number; children: ReactNode; testId: string; label: string }) {
  return (
    <div className="ar-preview" data-testid={testId} aria-label={label}>
      <Canvas camera={{ position: [0.3, -0.3, 0.2], up: [0, 0, 1], fov: 40, near: 0.002, far: 20 }} frameloop="demand" gl={{ preserveDrawingBuffer: true }}>
        <color attach="background" args={['#1c1d22']} />
        <hemisphereLight args={['#ffffff', '#444450', 1.1]} />
        <directionalLight position={[1, -1, 2]} intensity={1.6} />
        {children}
        <PreviewFit mesh={fit} scale={scale} />
        <OrbitControls makeDefault enableDamping={false} />
      </Canvas>
    </div>
  );
}
