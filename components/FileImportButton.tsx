/**
 * A button that opens the file picker and hands over the chosen file's text (the options page's
 * "Import settings…" and "Import a pack…"). A file larger than `maxBytes` is refused before it is read.
 */
import { useRef } from 'preact/hooks';

/** Props of FileImportButton. */
export interface FileImportButtonProps {
  /** The button's id; the hidden file input's id is `inputId`. */
  id: string;
  inputId: string;
  label: string;
  maxBytes: number;
  /** Called with the text of a file of acceptable size. */
  onText: (file: File, text: string) => void | Promise<void>;
  /** Called when the file is too large or cannot be read. */
  onRefuse: (file: File, reason: 'too-large' | 'unreadable') => void;
}

/** The import button and its hidden file input. */
export function FileImportButton({ id, inputId, label, maxBytes, onText, onRefuse }: FileImportButtonProps) {
  const fileRef = useRef<HTMLInputElement>(null);

  const read = async (file: File) => {
    if (file.size > maxBytes) {
      onRefuse(file, 'too-large');
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      onRefuse(file, 'unreadable');
      return;
    }
    await onText(file, text);
  };

  return (
    <>
      <button type="button" class="ui-button" id={id} onClick={() => fileRef.current?.click()}>
        {label}
      </button>
      <input
        ref={fileRef}
        id={inputId}
        type="file"
        accept="application/json,.json"
        class="op-file-input"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          const input = event.target as HTMLInputElement;
          const file = input.files?.[0];
          input.value = '';
          if (file) void read(file);
        }}
      />
    </>
  );
}
