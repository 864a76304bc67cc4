import {
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { AppError } from '@shop/http';
import type { OriginalFormat } from './inspect-upload';
import { type VariantSpec, variantContentType } from './variant-spec';

export interface OriginalInfo {
  format: OriginalFormat;
  contentType: string;
  width: number;
  height: number;
}

export type OriginalSize = Pick<OriginalInfo, 'format' | 'width' | 'height'>;

/** Where images live: originals under their content hash, variants under hash/width.format. */
export interface ImageStore {
  /** Throws unless the bucket answers. */
  ping(): Promise<void>;
  hasOriginal(hash: string): Promise<boolean>;
  /** The original's size and format, or undefined when there is none. */
  describeOriginal(hash: string): Promise<OriginalSize | undefined>;
  /** The original's bytes, or undefined when there is none. */
  getOriginal(hash: string): Promise<Buffer | undefined>;
  putOriginal(hash: string, bytes: Buffer, info: OriginalInfo): Promise<void>;
  /** The variant's bytes, or undefined when it has not been rendered yet. */
  getVariant(spec: VariantSpec): Promise<Buffer | undefined>;
  putVariant(spec: VariantSpec, bytes: Buffer): Promise<void>;
  /** Keys of the variants rendered so far for one original. */
  listVariants(hash: string): Promise<string[]>;
}

export const originalKey = (hash: string) => `originals/${hash}`;
export const variantKey = (spec: VariantSpec) =>
  `variants/${spec.hash}/${spec.width}.${spec.format}`;

const httpStatusOf = (error: unknown): number | undefined =>
  (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;

function isNotFound(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'NoSuchKey' || error.name === 'NotFound' || httpStatusOf(error) === 404;
}

/**
 * Runs one call to S3. An unreachable or failing store (no HTTP answer, or a 5xx) becomes a 503
 * the client may retry and the CDN may cover with a stale copy; a missing object becomes
 * `notFound` when one is given; anything else stays an unexpected error.
 */
async function callS3<T>(call: () => Promise<T>, notFound?: () => T): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (notFound && isNotFound(error)) return notFound();
    const status = httpStatusOf(error);
    if (status !== undefined && status < 500) throw error;
    throw new AppError('NOT_READY', 'Image storage is unavailable; try again shortly', undefined, {
      cause: error,
    });
  }
}

/** The image store on S3 (or any S3-compatible server: MinIO, s3rver). */
export class S3ImageStore implements ImageStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async ping(): Promise<void> {
    await this.s3.send(new HeadBucketCommand({ Bucket: this.bucket }));
  }

  hasOriginal(hash: string): Promise<boolean> {
    return callS3(
      async () => {
        await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: originalKey(hash) }));
        return true;
      },
      () => false,
    );
  }

  describeOriginal(hash: string): Promise<OriginalSize | undefined> {
    return callS3(
      async () => {
        const head = await this.s3.send(
          new HeadObjectCommand({ Bucket: this.bucket, Key: originalKey(hash) }),
        );
        const { width, height, format } = head.Metadata ?? {};
        return {
          format: format as OriginalSize['format'],
          width: Number(width),
          height: Number(height),
        };
      },
      () => undefined,
    );
  }

  getOriginal(hash: string): Promise<Buffer | undefined> {
    return this.#get(originalKey(hash));
  }

  async putOriginal(hash: string, bytes: Buffer, info: OriginalInfo): Promise<void> {
    await callS3(() =>
      this.s3.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: originalKey(hash),
          Body: bytes,
          ContentType: info.contentType,
          Metadata: {
            width: String(info.width),
            height: String(info.height),
            format: info.format,
          },
        }),
      ),
    );
  }

  getVariant(spec: VariantSpec): Promise<Buffer | undefined> {
    return this.#get(variantKey(spec));
  }

  async putVariant(spec: VariantSpec, bytes: Buffer): Promise<void> {
    await callS3(() =>
      this.s3.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: variantKey(spec),
          Body: bytes,
          ContentType: variantContentType[spec.format],
          CacheControl: 'public, max-age=31536000, immutable',
        }),
      ),
    );
  }

  async listVariants(hash: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await callS3(() =>
        this.s3.send(
          new ListObjectsV2Command({
            Bucket: this.bucket,
            Prefix: `variants/${hash}/`,
            ContinuationToken: token,
          }),
        ),
      );
      for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys;
  }

  #get(key: string): Promise<Buffer | undefined> {
    return callS3<Buffer | undefined>(
      async () => {
        const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
        return object.Body ? Buffer.from(await object.Body.transformToByteArray()) : undefined;
      },
      () => undefined,
    );
  }
}
