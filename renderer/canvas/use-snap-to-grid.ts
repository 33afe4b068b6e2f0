// Snap to grid is a personal preference: kept in localStorage, not in the flow.
import { useCallback, useState } from 'react';

const KEY = 'hookflow.snapToGrid';

export function useSnapToGrid(): [boolean, () => void] {
  const [snap, setSnap] = useState(() => localStorage.getItem(KEY) !== 'off');
  const toggle = useCallback(() => {
    setSnap((current) => {
      localStorage.setItem(KEY, current ? 'off' : 'on');
      return !current;
    });
  }, []);
  return [snap, toggle];
}
