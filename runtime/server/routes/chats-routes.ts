import { Router } from 'express';
import { getChat, listChats, type ChatsContext } from '../../api/chats';

export function chatsRoutes(ctx: ChatsContext): Router {
  const router = Router();
  router.get('/chats', (req, res) => {
    res.json(listChats(ctx, req.query));
  });
  router.get('/chats/:id', async (req, res) => {
    res.json(await getChat(ctx, req.params.id));
  });
  return router;
}
