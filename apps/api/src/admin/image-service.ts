import { AppError } from '@shop/http';

export interface PictureSize {
  width: number;
  height: number;
}

/**
 * The image service as the API asks it (service to service, past the edge): what an uploaded
 * original is. Products name their pictures by the hash POST /img answered; before a product
 * shows one, the API makes sure it was uploaded and learns its size.
 */
export class ImageService {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 3_000,
  ) {}

  /** Each hash's size; a hash nobody uploaded is missing from the map. */
  async sizesOf(hashes: string[]): Promise<Map<string, PictureSize>> {
    const sizes = await Promise.all(hashes.map(async (hash) => [hash, await this.#size(hash)]));
    return new Map(sizes.filter((entry): entry is [string, PictureSize] => entry[1] !== undefined));
  }

  async #size(hash: string): Promise<PictureSize | undefined> {
    let response: Response;
    try {
      response = await fetch(new URL(`/img/${hash}`, this.baseUrl), {
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw unavailable(error);
    }
    if (response.status === 404) return undefined;
    if (!response.ok) throw unavailable(new Error(`image service answered ${response.status}`));
    const { width, height } = (await response.json()) as PictureSize;
    return { width, height };
  }
}

const unavailable = (cause: unknown) =>
  new AppError('NOT_READY', 'The image service is unavailable; try again shortly', undefined, {
    cause,
    retryAfterSeconds: 2,
  });
