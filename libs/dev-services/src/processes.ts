import { readFile, rm } from 'node:fs/promises';

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return !isAlive(pid);
}

/** Reads the first line of a pid file; undefined when there is none or it is garbage. */
export async function readPid(file: string): Promise<number | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const pid = Number.parseInt(text.split('\n')[0]?.trim() ?? '', 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/**
 * A process left behind by a launcher that was killed (kill -9, power loss) still
 * holds the data directory. Stop it politely, then firmly, and remove its pid file.
 */
export async function stopLeftover(
  pidFile: string,
  commandHint: string,
  log: (message: string) => void,
): Promise<void> {
  const pid = await readPid(pidFile);
  if (pid === undefined) return;
  if (isAlive(pid) && (await commandOf(pid)).includes(commandHint)) {
    log(`stopping leftover ${commandHint} process ${pid} from an earlier run`);
    process.kill(pid, 'SIGINT');
    if (!(await waitForExit(pid, 15_000))) {
      process.kill(pid, 'SIGKILL');
      await waitForExit(pid, 5_000);
    }
  }
  await rm(pidFile, { force: true });
}

async function commandOf(pid: number): Promise<string> {
  return readFile(`/proc/${pid}/cmdline`, 'utf8')
    .then((text) => text.replace(/\0/g, ' '))
    .catch(() => '');
}
