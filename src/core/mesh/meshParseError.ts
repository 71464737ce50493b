/** Every failure to read a mesh file; the message names the file and what is wrong with it. */
export class MeshParseError extends Error {
  readonly fileName: string;
  constructor(fileName: string, problem: string) {
    super(`${fileName}: ${problem}`);
    this.name = 'MeshParseError';
    this.fileName = fileName;
  }
}
