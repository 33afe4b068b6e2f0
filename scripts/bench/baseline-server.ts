// The baseline of `npm run bench:webhook`: a bare Express 5 server that only parses the
// JSON body and answers 200. Prints its port, then serves until killed.
import express from 'express';

const app = express();
app.disable('x-powered-by');
app.set('etag', false);
app.use(express.json({ limit: '1mb' }));
app.post('/hook', (req, res) => {
  res.status(200).json({ ok: typeof req.body === 'object' });
});
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`port ${typeof address === 'object' && address ? address.port : 0}`);
});
