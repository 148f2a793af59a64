/** Saves text as a file through a Blob and a temporary `<a download>` (no Node, no main-side dialog). */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the download a moment to start before the URL dies.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
