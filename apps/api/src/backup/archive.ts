import { spawn } from 'node:child_process';

/**
 * The archive is a gzip-compressed tar (`tar tzf` lists it), written and read by the
 * system's `tar` (in every Debian, Alpine and node image). Members: manifest.json,
 * tables/<table>.jsonl, files/<storage key>.
 */
export async function packDirectory(directory: string, archive: string): Promise<void> {
  await run('tar', ['-czf', archive, '-C', directory, '.']);
}

/** Unpacks into an empty folder; GNU and BusyBox tar refuse absolute paths and `..`. */
export async function unpackArchive(archive: string, directory: string): Promise<void> {
  await run('tar', ['-xzf', archive, '-C', directory, '--no-same-owner']);
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) =>
      code === 0
        ? done()
        : fail(new Error(`${command} ${args.join(' ')} failed (${code}): ${stderr.trim()}`)),
    );
  });
}
