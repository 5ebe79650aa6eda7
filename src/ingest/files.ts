// Files and directories: a directory is walked recursively for article files, in a stable order.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

export const ARTICLE_EXTENSIONS = /\.(txt|md|markdown|html?|xhtml)$/i;

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'EIO':
      return 'unreadable (input/output error)';
    default:
      return (err as Error).message;
  }
}

export type FileEntry = { path: string; error?: string };

/** The files an input path names: itself, or the article files under it. */
export async function* expandPath(path: string): AsyncGenerator<FileEntry> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    yield { path, error: reason(err) };
    return;
  }
  if (!info.isDirectory()) {
    yield { path };
    return;
  }
  let names: string[];
  try {
    names = (await readdir(path)).sort();
  } catch (err) {
    yield { path, error: reason(err) };
    return;
  }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const child = join(path, name);
    let childInfo;
    try {
      childInfo = await stat(child);
    } catch (err) {
      // A broken symlink or an unreadable entry is reported, and the walk goes on.
      yield { path: child, error: reason(err) };
      continue;
    }
    if (childInfo.isDirectory()) yield* expandPath(child);
    else if (ARTICLE_EXTENSIONS.test(name)) yield { path: child };
  }
}

export async function readFileLimited(path: string, maxBytes: number): Promise<Buffer> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    throw new Error(reason(err));
  }
  if (!info.isFile()) throw new Error('not a regular file');
  if (info.size > maxBytes) throw new Error(`too large (${(info.size / 1e6).toFixed(1)} MB; the limit is ${(maxBytes / 1e6).toFixed(0)} MB, see --max-size)`);
  try {
    return await readFile(path);
  } catch (err) {
    throw new Error(reason(err));
  }
}
