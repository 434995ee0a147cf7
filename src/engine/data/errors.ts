import {oneLine} from '../../common/errors';

/** A data file that cannot be used; the message always starts with the file's path. */
export class DataError extends Error {
  constructor(readonly file: string, problem: string) {
    super(`${file}: ${oneLine(problem)}`);
    this.name = 'DataError';
  }
}
