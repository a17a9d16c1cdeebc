/**
 * A value worked out on first use and kept. Written as a call with an
 * anonymous function rather than a named closure per sentence: the hot path
 * makes several of these for every sentence it reads.
 */
export function once<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}
