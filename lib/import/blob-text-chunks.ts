/** Bytes read per step: large enough to be quick, small enough for a moving progress bar. */
export const READ_CHUNK_BYTES = 1024 * 1024;

/**
 * A File (or any Blob) as text, one slice at a time, so a 100 MB file is never one string. The
 * decoder streams, so a character split between two slices is decoded whole.
 */
export async function* blobTextChunks(blob: Blob, onShare: (share: number) => void = () => {}): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  for (let offset = 0; offset < blob.size; offset += READ_CHUNK_BYTES) {
    const bytes = await blob.slice(offset, offset + READ_CHUNK_BYTES).arrayBuffer();
    const text = decoder.decode(bytes, { stream: true });
    onShare(Math.min(1, (offset + READ_CHUNK_BYTES) / blob.size));
    yield offset === 0 ? text.replace(/^\uFEFF/, "") : text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
  onShare(1);
}
