/** The OSS error code a domain rule throws, or 'ok' when it does not throw. */
export function codeOf(f: () => unknown): string {
  try {
    f();
    return 'ok';
  } catch (err) {
    return (err as { code: string }).code;
  }
}
