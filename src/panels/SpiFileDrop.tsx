import { createSignal } from 'solid-js';

/** The SPI file picker, inside a zone a file can also be dropped on. Either way the file goes to onFile. */
export function SpiFileDrop(p: { onFile: (file: File) => void }) {
  const [dragging, setDragging] = createSignal(false);
  return (
    <div
      class="dropzone"
      classList={{ 'dropzone--active': dragging() }}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const file = e.dataTransfer?.files[0];
        if (file) p.onFile(file);
      }}
    >
      <label for="spi-file" class="controls__label">
        Load an SPI file (CSV)
      </label>
      <input
        id="spi-file"
        type="file"
        accept=".csv,text/csv"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) p.onFile(file);
        }}
      />
      <p class="controls__note">…or drop the file here.</p>
    </div>
  );
}
