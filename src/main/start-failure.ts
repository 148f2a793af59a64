/**
 * A start-up that throws (an unwritable or locked data folder, a damaged file we cannot move
 * aside) must not leave a process with no window and no word: the Electron app shows a dialog and
 * quits, the preview prints and exits non-zero. The text names the data folder, the one thing
 * the user can check.
 */
export interface StartFailureText {
  title: string;
  message: string;
}

export function startFailureText(error: unknown, dataDir: string): StartFailureText {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    title: 'Dispatch Desk could not start / 调度台无法启动',
    message:
      `数据文件夹：${dataDir}\nData folder: ${dataDir}\n\n${reason}\n\n` +
      '请检查该文件夹是否存在、可写、未被另一个调度台使用，然后重新启动。\n' +
      'Check that the folder exists, is writable and is not in use by another Dispatch Desk, then start again.',
  };
}

/** Runs `start`; on a throw or rejection reports the failure once and resolves false. */
export async function runStartUp(
  start: () => void | Promise<void>,
  dataDir: string,
  report: (text: StartFailureText, error: unknown) => void,
): Promise<boolean> {
  try {
    await start();
    return true;
  } catch (error) {
    report(startFailureText(error, dataDir), error);
    return false;
  }
}
