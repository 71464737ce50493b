import { create } from 'zustand';

/** Camera position and orbit target in the object's frame (meters). */
export interface CameraPose {
  position: [number, number, number];
  target: [number, number, number];
}

interface CameraState {
  /** the camera as the user left it (after an orbit, or after the automatic fit) */
  pose: CameraPose | null;
  /** a pose to apply instead of the automatic fit once the object is shown (from a shared link) */
  requested: CameraPose | null;
  /** the size of the object the camera was last framed for: the automatic fit runs again only for another size */
  fittedRadius: number | null;
  setPose(pose: CameraPose): void;
  request(pose: CameraPose | null): void;
}

const same = (a: CameraPose | null, b: CameraPose) => !!a && a.position.every((v, i) => v === b.position[i]) && a.target.every((v, i) => v === b.target[i]);

export const useCameraStore = create<CameraState>((set, get) => ({
  pose: null,
  requested: null,
  fittedRadius: null,
  setPose: (pose) => {
    if (!same(get().pose, pose)) set({ pose });
  },
  request: (requested) => set({ requested }),
}));
