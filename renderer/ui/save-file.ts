// Saves a blob as a download (browser tab) or through the save dialog (desktop window),
// with a link the page clicks itself.
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; give it a moment before freeing ours.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
