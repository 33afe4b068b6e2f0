// The latest value of something a component renders with, for callbacks that finish
// later (a request in flight) and must not act on what was current when they started.
import { useEffect, useRef, type RefObject } from 'react';

export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}
