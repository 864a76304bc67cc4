'use client';

import type { SavedAddress } from '@shop/domain';
import { formatAddress } from '@/lib/shopper/format-address';
import styles from './checkout.module.css';

interface Props {
  addresses: SavedAddress[];
  /** The saved address the form's fields hold now, if any; otherwise "A new address" is chosen. */
  chosenId: string | null;
  onChoose: (address: SavedAddress) => void;
  onChooseNew: () => void;
}

/**
 * The signed-in shopper's saved addresses as choices above the address fields, plus "A new
 * address". Choosing one fills the fields; the choice follows the fields, so editing a saved
 * address turns it into a new one.
 */
export function SavedAddressChoice({ addresses, chosenId, onChoose, onChooseNew }: Props) {
  return (
    <fieldset className={styles.choices}>
      <legend className={styles.choicesLegend}>Ship to</legend>
      <ul className={styles.choiceList} role="list">
        {addresses.map((address) => {
          const [name, ...rest] = formatAddress(address);
          return (
            <li key={address.id}>
              <label className={styles.choice} data-testid="saved-address">
                <input
                  type="radio"
                  name="ship-to"
                  value={address.id}
                  className={styles.radio}
                  checked={chosenId === address.id}
                  onChange={() => onChoose(address)}
                />
                <span className={styles.choiceText}>
                  <span className={styles.choiceName}>{name}</span>
                  <span className={styles.choiceLines}>{rest.join(', ')}</span>
                </span>
              </label>
            </li>
          );
        })}
        <li>
          <label className={styles.choice}>
            <input
              type="radio"
              name="ship-to"
              value="new"
              className={styles.radio}
              checked={chosenId === null}
              onChange={onChooseNew}
            />
            <span className={styles.choiceText}>
              <span className={styles.choiceName}>A new address</span>
            </span>
          </label>
        </li>
      </ul>
    </fieldset>
  );
}
