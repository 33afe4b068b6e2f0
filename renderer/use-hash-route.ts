// Where the designer is lives in the URL hash so a reload reopens it: the open flow
// (#/flows/<id>), the Customers view (#/customers[/<id>]), the Chats view
// (#/chats[/<id>][?channel=<channel>]), the Channels view (#/channels) or
// Settings (#/settings). Views link to
// each other with plain hrefs (`routeHref`), so every link is a real link: Tab reaches it,
// Enter follows it.
import { useCallback, useEffect, useState } from 'react';
import {
  CHAT_BINDING_CHANNELS,
  type ChatBindingChannel,
} from '../runtime/shared/customer-chat-binding';

export type Route =
  | { view: 'flows'; flowId?: string }
  | { view: 'customers'; customerId?: string }
  | { view: 'chats'; chatId?: string; channel?: ChatBindingChannel }
  | { view: 'channels' }
  | { view: 'settings' };

export type View = Route['view'];

const ID = '([A-Za-z0-9_-]+)';

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?', 2);
  const flow = new RegExp(`^/flows/${ID}$`).exec(path);
  if (flow) return { view: 'flows', flowId: flow[1] };
  const customer = new RegExp(`^/customers(?:/${ID})?/?$`).exec(path);
  if (customer) {
    return customer[1] ? { view: 'customers', customerId: customer[1] } : { view: 'customers' };
  }
  if (/^\/channels\/?$/.test(path)) return { view: 'channels' };
  if (/^\/settings\/?$/.test(path)) return { view: 'settings' };
  const chat = new RegExp(`^/chats(?:/${ID})?/?$`).exec(path);
  if (chat) {
    const channel = new URLSearchParams(search).get('channel');
    return {
      view: 'chats',
      ...(chat[1] ? { chatId: chat[1] } : {}),
      ...(isChannel(channel) ? { channel } : {}),
    };
  }
  return { view: 'flows' };
}

function isChannel(value: string | null): value is ChatBindingChannel {
  return (CHAT_BINDING_CHANNELS as readonly (string | null)[]).includes(value);
}

/** The hash (with its `#`) that opens a route. */
export function routeHref(route: Route): string {
  switch (route.view) {
    case 'flows':
      return route.flowId ? `#/flows/${encodeURIComponent(route.flowId)}` : '#/';
    case 'customers':
      return route.customerId
        ? `#/customers/${encodeURIComponent(route.customerId)}`
        : '#/customers';
    case 'chats': {
      const path = route.chatId ? `#/chats/${encodeURIComponent(route.chatId)}` : '#/chats';
      return route.channel ? `${path}?channel=${route.channel}` : path;
    }
    case 'channels':
      return '#/channels';
    case 'settings':
      return '#/settings';
  }
}

function readRoute(): Route {
  return parseRoute(window.location.hash);
}

/** The route, followed as the hash changes, and a way to go elsewhere. */
export function useHashRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(readRoute);
  useEffect(() => {
    const onChange = () => setRoute(readRoute());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const go = useCallback((next: Route) => {
    const href = routeHref(next);
    // The flows view without a flow is the empty hash, as before views existed.
    window.location.hash = href === '#/' ? '' : href.slice(1);
    // Set at once: the same hash again fires no hashchange.
    setRoute(next);
  }, []);
  return [route, go];
}
