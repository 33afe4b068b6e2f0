// Whether this Hookflow's settings forbid the HTTP Request's "Allow private network" switch
// (settings.outbound.forbidPrivateNetwork, issue 12): the inspector says so beside the
// switch instead of letting a test or a run find out. Read once per inspector; unknown
// (runtime away) reads as not forbidden, and the runtime refuses anyway.
import { useEffect, useState } from 'react';
import type { Settings } from '../../../runtime/shared/settings';
import { request } from '../../api/client';

export function usePrivateNetworkForbidden(): boolean {
  const [forbidden, setForbidden] = useState(false);
  useEffect(() => {
    let current = true;
    request<Settings>('GET', '/api/settings')
      .then((settings) => {
        // A runtime from before the setting answers without it.
        if (current)
          setForbidden(
            (settings.outbound as Settings['outbound'] | undefined)?.forbidPrivateNetwork === true,
          );
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, []);
  return forbidden;
}
