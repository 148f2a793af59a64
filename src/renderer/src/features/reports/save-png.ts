import { downloadBlob } from '../../lib/download';

/**
 * A chart as a PNG file: the canvas drawn onto the theme's background (a canvas is transparent,
 * and a transparent PNG pasted into a report is unreadable on dark slides), saved through a Blob
 * and a temporary `<a download>` like the CSV exports.
 */
export async function saveCanvasAsPng(canvas: HTMLCanvasElement, background: string, fileName: string): Promise<boolean> {
  const out = document.createElement('canvas');
  out.width = canvas.width;
  out.height = canvas.height;
  const ctx = out.getContext('2d');
  if (!ctx) return false;
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(canvas, 0, 0);
  const blob = await new Promise<Blob | null>((resolve) => out.toBlob(resolve, 'image/png'));
  if (!blob) return false;
  downloadBlob(fileName, blob);
  return true;
}
