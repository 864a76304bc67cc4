/** The internal ISR route the front page is rendered at (/ is rewritten to /home/<edition>). */
export const HOME_EDITION = 'front';
