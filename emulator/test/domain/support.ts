import { OssError } from '../../src/domain/errors.js';

/** The OSS error code a domain rule throws, or 'ok' when it does not throw. */
export function codeOf(f: () => unknown): string {
  try {
    f();
    return 'ok';
  } catch (err) {
    return (err as { code: string }).code;
  }
}

/** The code and ArgumentName of the OssError a rule throws, 'other' for any other throw, 'accepted' when it does not. */
export function refused(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return e instanceof OssError ? `${e.code} ${String(e.details.ArgumentName)}` : 'other';
  }
  return 'accepted';
}
