import { create } from 'zustand';
import { IDLE_DOWNLOADS, type DownloadSnapshot } from '../core/dataset/downloadTracker';

/** Downloads in flight: the page's (manifest, shards) and the scene worker's (meshes, URDFs). */
export interface DownloadState {
  page: DownloadSnapshot;
  scene: DownloadSnapshot;
}

export const useDownloadStore = create<DownloadState>(() => ({ page: IDLE_DOWNLOADS, scene: IDLE_DOWNLOADS }));
