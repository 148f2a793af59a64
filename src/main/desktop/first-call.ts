/**
 * Tells when the window is listening. The renderer subscribes to main's events before its first
 * read, so the first operation it calls proves that an event sent from then on reaches it. Dial
 * requests that arrived with the launch (a link that started the app) wait for that moment
 * instead of being sent into a page that is still loading.
 */
export function withFirstCallSignal<H extends Record<string, (request: never) => unknown>>(handlers: H, onFirstCall: () => void): H {
  let signalled = false;
  const wrapped: Record<string, (request: never) => unknown> = {};
  for (const [name, handler] of Object.entries(handlers)) {
    wrapped[name] = (request: never) => {
      if (!signalled) {
        signalled = true;
        onFirstCall();
      }
      return handler(request);
    };
  }
  return wrapped as H;
}
