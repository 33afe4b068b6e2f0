// The open flow lives in the URL hash (#/flows/<id>) so a reload reopens it.
import { useCallback, useEffect, useState } from 'react';

function readFlowId(): string | undefined {
  const match = /^#\/flows\/([A-Za-z0-9_-]+)$/.exec(window.location.hash);
  return match?.[1];
}

export function useHashFlowId(): [string | undefined, (id: string | undefined) => void] {
  const [flowId, setFlowId] = useState(readFlowId);
  useEffect(() => {
    const onChange = () => setFlowId(readFlowId());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const select = useCallback((id: string | undefined) => {
    window.location.hash = id ? `/flows/${id}` : '';
    setFlowId(id);
  }, []);
  return [flowId, select];
}
