/*
 * Files between the user's disk and the panel: reading a chosen file with progress (large dumps take
 * a while), and offering bytes as a download.
 */

/** Reads a file whole, reporting the fraction read so far (0..1) as chunks arrive. */
export async function readWithProgress(
  file: Blob,
  onProgress: (fraction: number) => void,
): Promise<Uint8Array> {
  const total = file.size;
  const out = new Uint8Array(total);
  const reader = file.stream().getReader();
  let at = 0;
  onProgress(0);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (at + value.length > total) throw new Error('the file changed while it was read');
    out.set(value, at);
    at += value.length;
    onProgress(total === 0 ? 1 : at / total);
  }
  onProgress(1);
  return at === total ? out : out.slice(0, at);
}

/** Saves bytes through the browser's download (the name's last path part is the file name). */
export function downloadBytes(name: string, data: Uint8Array): void {
  const blob = new Blob([data as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name.split('/').pop() ?? name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
