/** `set` with `key` in it or not, as a new set: React state is never changed in place. */
export function withKey<T>(set: ReadonlySet<T>, key: T, present: boolean): ReadonlySet<T> {
  const next = new Set(set);
  if (present) next.add(key);
  else next.delete(key);
  return next;
}
