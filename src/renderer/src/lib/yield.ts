/**
 * Resolves in a new task, so that input and rendering waiting in the queue run first. Long work
 * split with this keeps a click or a keystroke from waiting behind it. A message rather than
 * setTimeout(0): chained timeouts are clamped to 4 ms each after a few, which adds up.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
