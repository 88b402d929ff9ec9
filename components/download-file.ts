/** Saving text as a file from an extension page, through a temporary link (no downloads permission needed). */

/** Offers `text` to the reader as a file called `name`. */
export function downloadFile(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
