import type { DatasetIO } from '../dataset/loadDataset';
import { limitFor, type ReadLimits } from '../dataset/readLimits';
import { parseDroModel, type DroModelSpec } from './modelFile';

export interface DroModelFiles {
  spec: DroModelSpec;
  embed: Uint8Array;
  kernel: Uint8Array;
}

export type DroModelIO = Pick<DatasetIO, 'fetchText' | 'fetchBytes'>;

/**
 * dro.json and both graphs it names; each failure names the file. dro.json is read under the
 * manifest cap, the graphs under the model cap, so a hostile URL cannot stream gigabytes in.
 */
export async function loadDroModel(url: string, io: DroModelIO, limits: Partial<ReadLimits> = {}): Promise<DroModelFiles> {
  let text: string;
  try {
    text = await io.fetchText(url, limitFor('manifest', limits));
  } catch (e) {
    throw new Error(`${url}: cannot read the model descriptor (${message(e)})`, { cause: e });
  }
  const spec = parseDroModel(text, url);
  const read = async (fileUrl: string, name: string) => {
    try {
      return new Uint8Array(await io.fetchBytes(fileUrl, limitFor('model', limits)));
    } catch (e) {
      throw new Error(`${fileUrl}: cannot read ${name}, named in ${url} (${message(e)})`, { cause: e });
    }
  };
  const [embed, kernel] = await Promise.all([read(spec.embedUrl, '"embed"'), read(spec.kernelUrl, '"kernel"')]);
  return { spec, embed, kernel };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
