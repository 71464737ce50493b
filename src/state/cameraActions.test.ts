import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TriMesh } from '../core/mesh/triMesh';

vi.mock('./sceneWorkerClient', () => ({ sceneWorker: () => ({}) }));

const { autoFrame, markFramed } = await import('./cameraActions');
const { useCameraStore } = await import('./cameraStore');
const { useSceneStore } = await import('./sceneStore');
const { useViewStore } = await import('./viewStore');

/** An axis-aligned box mesh (8 corners are all the bounds need). */
function box(half: number, at: [number, number, number] = [0, 0, 0]): TriMesh {
  const positions: number[] = [];
  for (const x of [-half, half]) for (const y of [-half, half]) for (const z of [-half, half]) positions.push(at[0] + x, at[1] + y, at[2] + z);
  return { positions: new Float32Array(positions), indices: new Uint32Array([0, 1, 2]) };
}
const identity = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1] as never;

function show(object: TriMesh, handAt: number | null) {
  useSceneStore.setState({
    status: 'ready',
    object,
    hand: handAt === null ? null : { parts: [{ link: 'palm', mesh: box(0.02, [handAt, 0, 0]) }], errors: [] },
    pose: handAt === null ? null : { matrices: [identity], fingertips: [], report: {} as never },
  });
}

describe('automatic camera fit', () => {
  beforeEach(() => {
    useCameraStore.setState({ requested: null, pose: null, fittedRadius: null });
    useViewStore.setState({ showHand: true, objectSource: 'reference' });
  });

  it('frames hand and object together when a new object is shown', () => {
    show(box(0.05), 0.4);
    autoFrame(1.5);
    const pose = useCameraStore.getState().requested!;
    // The box around object (x ≤ 0.05) and hand (x up to 0.42) is centred between them.
    expect(pose.target[0]).toBeCloseTo((-0.05 + 0.42) / 2, 5);
    expect(useCameraStore.getState().fittedRadius).toBeCloseTo(Math.sqrt(3) * 0.05, 5);
  });

  it('keeps the camera while grasps of the same object are stepped through', () => {
    show(box(0.05), 0.1);
    autoFrame(1.5);
    useCameraStore.setState({ requested: null });
    show(box(0.05), 0.3);
    autoFrame(1.5);
    expect(useCameraStore.getState().requested).toBeNull();
    // Another object size frames again.
    show(box(0.2), 0.3);
    autoFrame(1.5);
    expect(useCameraStore.getState().requested).not.toBeNull();
  });

  it('does not undo a camera placed by a link, nor act before the grasp is shown', () => {
    show(box(0.05), 0.1);
    markFramed();
    autoFrame(1.5);
    expect(useCameraStore.getState().requested).toBeNull();
    useCameraStore.setState({ fittedRadius: null });
    useSceneStore.setState({ status: 'loading' });
    autoFrame(1.5);
    expect(useCameraStore.getState().requested).toBeNull();
  });
});
