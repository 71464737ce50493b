/** Every failure to read a URDF; the message names the URDF file and what is wrong with it. */
export class UrdfError extends Error {
  readonly fileName: string;
  constructor(fileName: string, problem: string) {
    super(`${fileName}: ${problem}`);
    this.name = 'UrdfError';
    this.fileName = fileName;
  }
}
