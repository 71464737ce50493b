import { describe, expect, it } from 'vitest';
import { findNaaModelFiles, NAA_MODEL_FILES } from './modelFolder';

describe('findNaaModelFiles', () => {
  it('finds the five files under the picked folder, one level deeper, or at the top', () => {
    expect(findNaaModelFiles(NAA_MODEL_FILES.map((f) => `naa/${f}`)).root).toBe('naa/');
    const deeper = findNaaModelFiles(['models/README.md', ...NAA_MODEL_FILES.map((f) => `models/slim/${f}`)]);
    expect(deeper.root).toBe('models/slim/');
    expect(deeper.files['clip/tokenizer.json']).toBe('models/slim/clip/tokenizer.json');
    expect(findNaaModelFiles([...NAA_MODEL_FILES]).root).toBe('');
  });

  it('prefers the root that holds every file over a stray partial copy', () => {
    const paths = [...NAA_MODEL_FILES.map((f) => `m/${f}`), 'm/old/sam/onnx/vision_encoder.onnx'];
    expect(findNaaModelFiles(paths).root).toBe('m/');
  });

  it('names the missing files', () => {
    const paths = NAA_MODEL_FILES.filter((f) => !f.startsWith('clip/onnx')).map((f) => `m/${f}`);
    expect(() => findNaaModelFiles(paths)).toThrow(/3 of 5 of its files found, missing clip\/onnx\/vision_model\.onnx, clip\/onnx\/text_model\.onnx/);
    expect(() => findNaaModelFiles(['a/dro.json'])).toThrow(/none of its files found, missing sam\/onnx\/vision_encoder\.onnx/);
  });
});
