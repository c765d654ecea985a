// Windows NT system errors the model raises, with the texts NT prints for them.
// Only ERROR_PATH_NOT_FOUND's text is quoted by an article (Q146791, event 4055); the rest are
// NT's own message texts (assumption A-NT-TEXTS).

export const ERROR_FILE_NOT_FOUND = 2;
export const ERROR_PATH_NOT_FOUND = 3;
export const ERROR_ACCESS_DENIED = 5;
export const ERROR_NOT_ENOUGH_MEMORY = 8;
export const ERROR_SHARING_VIOLATION = 32;
export const ERROR_DISK_FULL = 112;
export const ERROR_DIR_NOT_EMPTY = 145;
export const ERROR_ALREADY_EXISTS = 183;

const TEXTS: Readonly<Record<number, string>> = {
  [ERROR_FILE_NOT_FOUND]: 'The system cannot find the file specified.',
  [ERROR_PATH_NOT_FOUND]: 'The system cannot find the path specified.',
  [ERROR_ACCESS_DENIED]: 'Access is denied.',
  [ERROR_NOT_ENOUGH_MEMORY]: 'Not enough storage is available to process this command.',
  [ERROR_SHARING_VIOLATION]: 'The process cannot access the file because it is being used by another process.',
  [ERROR_DISK_FULL]: 'There is not enough space on the disk.',
  [ERROR_DIR_NOT_EMPTY]: 'The directory is not empty.',
  [ERROR_ALREADY_EXISTS]: 'Cannot create a file when that file already exists.',
};

export function systemText(code: number): string {
  return TEXTS[code] ?? `System error ${code}.`;
}

/**
 * A failed file-system call, as a Win32 API would report it: an outcome the model expects and
 * handles, like an error code, so it carries no stack trace (capturing one costs more than
 * the call it reports).
 */
export class Win32Error extends Error {
  readonly code: number;
  readonly path: string;

  constructor(code: number, path: string) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(`${systemText(code)} (${code}) ${path}`);
    Error.stackTraceLimit = limit;
    this.name = 'Win32Error';
    this.code = code;
    this.path = path;
  }
}
