import { parseDroModel, type DroModelSpec } from './modelFile';

export interface DroModelFiles {
  spec: DroModelSpec;
  embed: Uint8Array;
  kernel: Uint8Array;
}

export interface DroModelIO {
  fetchText(url: string): Promise<string>;
  fetchBytes(url: string): Promise<ArrayBuffer>;
}

/** dro.json and both graphs it names; each failure names the file. */
export async function loadDroModel(url: string, io: DroModelIO): Promise<DroModelFiles> {
  let text: string;
  try {
    text = await io.fetchText(url);
  } catch (e) {
    throw new Error(`${url}: cannot read the model descriptor (${message(e)})`, { cause: e });
  }
  const spec = parseDroModel(text, url);
  const read = async (fileUrl: string, name: string) => {
    try {
      return new Uint8Array(await io.fetchBytes(fileUrl));
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
