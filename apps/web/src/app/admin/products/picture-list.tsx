'use client';

import { useRef, useState, type ChangeEvent } from 'react';
import { uploadPicture } from '@/lib/admin/catalog-admin';
import { describeFailure } from '@/lib/shopper/call-api';
import styles from '../admin.module.css';

export interface Picture {
  hash: string;
  alt: string;
}

const MAX_PICTURES = 10;

/**
 * A product's pictures in the order shoppers see them (the first is the listing picture): add
 * by uploading (shown from the image service once stored), describe, move, remove.
 */
export function PictureList({
  pictures,
  onChange,
  problems,
}: {
  pictures: Picture[];
  onChange: (pictures: Picture[]) => void;
  problems: string[];
}) {
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string>();

  const add = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    if (files.length === 0) return;
    setError(undefined);
    setUploading(true);
    const added: Picture[] = [];
    try {
      for (const file of files.slice(0, MAX_PICTURES - pictures.length)) {
        const { hash } = await uploadPicture(file);
        if (!pictures.some((p) => p.hash === hash) && !added.some((p) => p.hash === hash)) {
          added.push({ hash, alt: file.name.replace(/\.[a-z0-9]+$/i, '').replace(/[-_]+/g, ' ') });
        }
      }
    } catch (failure) {
      setError(describeFailure(failure));
    } finally {
      setUploading(false);
      if (added.length > 0) onChange([...pictures, ...added]);
    }
  };

  const move = (from: number, to: number) => {
    const next = [...pictures];
    const [picture] = next.splice(from, 1);
    if (picture) next.splice(to, 0, picture);
    onChange(next);
  };

  return (
    <fieldset className={styles.pictures}>
      <legend className={styles.label}>Pictures</legend>
      <p className={styles.hint}>
        JPEG, PNG, WebP or AVIF, up to 15 MB each. The first is shown in listings.
      </p>
      {pictures.length > 0 ? (
        <ol className={styles.pictureList} data-testid="pictures">
          {pictures.map((picture, index) => (
            <li key={picture.hash} className={styles.picture}>
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img
                className={styles.preview}
                src={`/img/${picture.hash}/256.webp`}
                alt=""
                width={96}
                height={96}
              />
              <div className={styles.pictureFields}>
                <label htmlFor={`alt-${index}`} className={styles.smallLabel}>
                  What it shows (alt text)
                </label>
                <input
                  id={`alt-${index}`}
                  className={styles.input}
                  value={picture.alt}
                  maxLength={300}
                  onChange={(e) =>
                    onChange(
                      pictures.map((p, i) => (i === index ? { ...p, alt: e.target.value } : p)),
                    )
                  }
                />
                <div className={styles.pictureActions}>
                  <button
                    type="button"
                    className={styles.linkButton}
                    disabled={index === 0}
                    onClick={() => move(index, index - 1)}
                  >
                    Move up
                  </button>
                  <button
                    type="button"
                    className={styles.linkButton}
                    disabled={index === pictures.length - 1}
                    onClick={() => move(index, index + 1)}
                  >
                    Move down
                  </button>
                  <button
                    type="button"
                    className={styles.linkButton}
                    onClick={() => onChange(pictures.filter((_, i) => i !== index))}
                  >
                    Remove
                  </button>
                </div>
              </div>
            </li>
          ))}
        </ol>
      ) : null}
      {[...problems, ...(error ? [error] : [])].map((problem) => (
        <p key={problem} className={styles.fieldError} role="alert">
          {problem}
        </p>
      ))}
      <input
        ref={input}
        id="picture-files"
        aria-label="Pictures to add"
        type="file"
        accept="image/jpeg,image/png,image/webp,image/avif"
        multiple
        className="visually-hidden"
        onChange={add}
        disabled={uploading || pictures.length >= MAX_PICTURES}
      />
      <button
        type="button"
        className="button button-secondary"
        onClick={() => input.current?.click()}
        disabled={uploading || pictures.length >= MAX_PICTURES}
      >
        {uploading ? 'Uploading…' : 'Add pictures'}
      </button>
    </fieldset>
  );
}
