// An ImageStore kept in a Map, for unit tests (the service itself always uses S3ImageStore).
import {
  type ImageStore,
  type OriginalInfo,
  type OriginalSize,
  originalKey,
  variantKey,
} from './image-store';
import type { VariantSpec } from './variant-spec';

export class MemoryImageStore implements ImageStore {
  readonly objects = new Map<string, { bytes: Buffer; info?: OriginalInfo }>();
  /** Every call, in order, e.g. `getVariant variants/<hash>/640.webp`. */
  readonly calls: string[] = [];

  async ping(): Promise<void> {}

  async hasOriginal(hash: string): Promise<boolean> {
    this.calls.push(`hasOriginal ${originalKey(hash)}`);
    return this.objects.has(originalKey(hash));
  }

  async describeOriginal(hash: string): Promise<OriginalSize | undefined> {
    const info = this.objects.get(originalKey(hash))?.info;
    return info && { format: info.format, width: info.width, height: info.height };
  }

  async getOriginal(hash: string): Promise<Buffer | undefined> {
    this.calls.push(`getOriginal ${originalKey(hash)}`);
    return this.objects.get(originalKey(hash))?.bytes;
  }

  async putOriginal(hash: string, bytes: Buffer, info: OriginalInfo): Promise<void> {
    this.calls.push(`putOriginal ${originalKey(hash)}`);
    this.objects.set(originalKey(hash), { bytes, info });
  }

  async getVariant(spec: VariantSpec): Promise<Buffer | undefined> {
    this.calls.push(`getVariant ${variantKey(spec)}`);
    return this.objects.get(variantKey(spec))?.bytes;
  }

  async putVariant(spec: VariantSpec, bytes: Buffer): Promise<void> {
    this.calls.push(`putVariant ${variantKey(spec)}`);
    this.objects.set(variantKey(spec), { bytes });
  }

  async listVariants(hash: string): Promise<string[]> {
    return [...this.objects.keys()].filter((key) => key.startsWith(`variants/${hash}/`));
  }
}
