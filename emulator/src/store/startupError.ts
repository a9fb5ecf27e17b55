// A reason the emulator cannot start on its data directory, worded for the person starting it: one line naming the
// file, the cause and what to do (issue 26 item 3). The CLI prints it without the usage text: the flags were fine.
export class StartupError extends Error {
  override name = 'StartupError';
}

/** One line for a failed open / create of `file` (Node fs errors and SQLite's CANTOPEN / READONLY alike). */
export function describeFsError(file: string, err: NodeJS.ErrnoException): string {
  const code = err.code ?? '';
  if (code === 'EACCES' || code === 'EPERM') {
    return `${file}: permission denied (${code}): make it writable by this user, or choose another --data directory`;
  }
  if (code === 'EROFS' || code.startsWith('SQLITE_READONLY')) {
    return `${file}: read-only (${err.message}): make it and its directory writable, or choose another --data directory`;
  }
  if (code === 'ENOTDIR' || code === 'EEXIST') {
    return `${file}: a file is in the way of the data directory (${code}): choose another --data directory`;
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return `${file}: cannot be opened (${err.message}: a directory, or a directory this user may not write?): fix its permissions, or choose another --data directory`;
  }
  return `${file}: ${err.message}${code ? ` (${code})` : ''}`;
}
