/** Starts the browser's download of an object URL (from a `responseType: 'blob'` answer), then lets it go. */
export function downloadObjectUrl(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start the download only after the click's task.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
