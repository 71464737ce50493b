/**
 * Runs a DRO model's two ONNX graphs: embed once per prediction, then the kernel in row blocks so
 * the R x M x hidden tensor stays small. ORT is injected (onnxruntime-web/webgpu in the browser
 * worker, onnxruntime-web's WASM build in Node), so this file imports no runtime.
 */

/** The slice of an onnxruntime Tensor this code reads. */
export interface TensorLike {
  readonly data: unknown;
  readonly dims: readonly number[];
}

export interface SessionLike {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  run(feeds: Record<string, TensorLike>): Promise<Record<string, TensorLike>>;
  release?(): Promise<void>;
}

export interface OrtLike {
  /** `name` is the file it came from, for messages */
  createSession(bytes: Uint8Array, name: string): Promise<SessionLike>;
  tensor(data: Float32Array, dims: number[]): TensorLike;
}

export interface DroOutput {
  /** R x M row-major distances, metres */
  dist: Float32Array;
  rows: number;
  cols: number;
}

export interface DroRunner {
  run(robot: Float32Array, object: Float32Array, z: Float32Array, opts?: { signal?: AbortSignal }): Promise<DroOutput>;
  /** the embed outputs of the last run (for the reference test) */
  lastEmbedding(): { phiRobot: TensorLike; phiObject: TensorLike } | null;
  release(): Promise<void>;
}

const EMBED_IN = ['robot_pc', 'object_pc', 'z'];
const EMBED_OUT = ['phi_robot', 'phi_object'];
const KERNEL_IN = ['phi_robot', 'phi_object'];
const KERNEL_OUT = ['dro'];

function checkNames(file: string, kind: string, have: readonly string[], want: string[]): void {
  const missing = want.filter((n) => !have.includes(n));
  if (missing.length) throw new Error(`${file}: ${kind} ${missing.join(', ')} missing (has ${have.join(', ') || 'none'}; the contract wants ${want.join(', ')})`);
}

function float32(file: string, name: string, t: TensorLike | undefined): Float32Array {
  if (!t || !(t.data instanceof Float32Array)) throw new Error(`${file}: output ${name} is not float32`);
  return t.data;
}

export async function createDroRunner(
  ort: OrtLike,
  files: { embed: Uint8Array; kernel: Uint8Array; embedName: string; kernelName: string },
  opts: { blockRows?: number } = {},
): Promise<DroRunner> {
  const block = opts.blockRows ?? 64;
  const embed = await ort.createSession(files.embed, files.embedName);
  const kernel = await ort.createSession(files.kernel, files.kernelName).catch(async (e) => {
    await embed.release?.();
    throw e;
  });
  checkNames(files.embedName, 'input', embed.inputNames, EMBED_IN);
  checkNames(files.embedName, 'output', embed.outputNames, EMBED_OUT);
  checkNames(files.kernelName, 'input', kernel.inputNames, KERNEL_IN);
  checkNames(files.kernelName, 'output', kernel.outputNames, KERNEL_OUT);
  let last: { phiRobot: TensorLike; phiObject: TensorLike } | null = null;

  return {
    async run(robot, object, z, { signal } = {}) {
      const n = robot.length / 3,
        m = object.length / 3;
      const e = await embed.run({
        robot_pc: ort.tensor(robot, [1, n, 3]),
        object_pc: ort.tensor(object, [1, m, 3]),
        z: ort.tensor(z, [1, z.length]),
      });
      const phiR = float32(files.embedName, 'phi_robot', e.phi_robot);
      float32(files.embedName, 'phi_object', e.phi_object);
      const [, rn, f] = e.phi_robot.dims;
      if (rn !== n || e.phi_object.dims[1] !== m || e.phi_object.dims[2] !== f) {
        throw new Error(`${files.embedName}: output shapes phi_robot [${e.phi_robot.dims}] / phi_object [${e.phi_object.dims}] do not fit N=${n}, M=${m}`);
      }
      last = { phiRobot: e.phi_robot, phiObject: e.phi_object };
      const dist = new Float32Array(n * m);
      for (let r0 = 0; r0 < n; r0 += block) {
        signal?.throwIfAborted();
        const rows = Math.min(block, n - r0);
        const out = await kernel.run({ phi_robot: ort.tensor(phiR.subarray(r0 * f, (r0 + rows) * f), [1, rows, f]), phi_object: e.phi_object });
        const d = float32(files.kernelName, 'dro', out.dro);
        if (d.length !== rows * m) throw new Error(`${files.kernelName}: output dro has ${d.length} values for a ${rows} x ${m} block`);
        dist.set(d, r0 * m);
      }
      return { dist, rows: n, cols: m };
    },
    lastEmbedding: () => last,
    async release() {
      await embed.release?.();
      await kernel.release?.();
    },
  };
}
