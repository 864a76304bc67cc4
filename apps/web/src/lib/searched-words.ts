// The words the page on screen searched for ('' off a results page), for the header's search
// box. The results page publishes them (components/searched-words.tsx) while it is shown: the
// box needs neither the address's query (useSearchParams would make every cached page's header
// a client-rendered hole) nor a guess at when a navigation has finished.

let words = '';
const listeners = new Set<() => void>();

export function subscribeSearchedWords(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function searchedWords(): string {
  return words;
}

export function publishSearchedWords(next: string): void {
  if (next === words) return;
  words = next;
  for (const listener of listeners) listener();
}
