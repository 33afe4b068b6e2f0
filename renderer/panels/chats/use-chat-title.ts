// A chat's "channel · contact" for a link to it (the run detail's Chat), read once per id.
import { useEffect, useState } from 'react';
import { chatsApi } from '../../api/chats';
import { chatTitle } from './chat-format';

const known = new Map<string, string>();

/** The chat's title once read; undefined before, or when it cannot be read (show the id). */
export function useChatTitle(chatId: string | undefined): string | undefined {
  const [read, setRead] = useState<{ id: string; title: string }>();
  useEffect(() => {
    if (!chatId || known.has(chatId)) return;
    const controller = new AbortController();
    chatsApi.get(chatId, controller.signal).then(
      ({ chat }) => {
        const title = chatTitle(chat);
        known.set(chatId, title);
        setRead({ id: chatId, title });
      },
      // An unknown chat reads as its id; the Chats view says what is wrong when opened.
      () => undefined,
    );
    return () => controller.abort();
  }, [chatId]);
  if (!chatId) return undefined;
  return known.get(chatId) ?? (read?.id === chatId ? read.title : undefined);
}
