import { useRef, useState } from 'react';
import { errorText } from '../../core/dataset/loadDataset';

/**
 * "Open … folder" for a model kept in this browser: a button, the hidden directory input, and
 * the error if the folder is not what `keep` expects. `keep` reads and stores it and returns its name.
 */
export function FolderPicker({
  inputLabel,
  title,
  keep,
  onKept,
}: {
  inputLabel: string;
  title: string;
  keep(files: File[]): Promise<string>;
  onKept(name: string): void | Promise<void>;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const pick = async (files: File[]) => {
    setError(null);
    try {
      await onKept(await keep(files));
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <>
      <button onClick={() => input.current?.click()} title={title}>
        Open model folder…
      </button>
      <input
        ref={input}
        type="file"
        hidden
        aria-label={inputLabel}
        // @ts-expect-error: non-standard but supported by every current browser
        webkitdirectory=""
        multiple
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          if (files.length) void pick(files);
        }}
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
