// What dexie-export-import expects from a browser or worker and Node lacks: `self` when it loads,
// and FileReader to read the backup Blob. This FileReader covers just the two reads it makes.
(globalThis as { self?: unknown }).self ??= globalThis;

class NodeFileReader {
  result: string | ArrayBuffer | null = null;
  error: unknown = null;
  onload: ((event: { target: NodeFileReader }) => void) | null = null;
  onerror: ((event: { target: NodeFileReader }) => void) | null = null;
  readAsText(blob: Blob) {
    this.settle(blob.text());
  }
  readAsArrayBuffer(blob: Blob) {
    this.settle(blob.arrayBuffer());
  }
  private settle(read: Promise<string | ArrayBuffer>) {
    read.then(
      (result) => {
        this.result = result;
        this.onload?.({ target: this });
      },
      (error: unknown) => {
        this.error = error;
        this.onerror?.({ target: this });
      },
    );
  }
}
(globalThis as { FileReader?: unknown }).FileReader ??= NodeFileReader;
