/** A model file that cannot be read or written; the message starts with the file's path. */
export class FormatError extends Error {
  constructor(readonly file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'FormatError';
  }
}
