// What the widget's public API refuses, each with its JSON error (issue 14): websites not on
// the origin list (CORS), too many requests per session and per IP (429 + Retry-After), big
// bodies and long messages, unknown sessions and flows, settings that do not validate; and
// the pages it serves: the embed script never renders HTML, the full page has a strict CSP.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EMBED_SCRIPT } from '../../../runtime/channels/widget/embed-script';
import { WIDGET_RATE_LIMITS } from '../../../runtime/channels/widget/public-routes';
import { createFlow, createPublishedFlow } from '../../helpers/admin-api';
import { json, startTestRuntime, type TestRuntime } from '../../helpers/test-runtime';
import { pizzaOrder } from '../../helpers/widget-flows';
import { newVisitor } from '../../helpers/widget-visitor';

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

async function widgetOn(rt: TestRuntime, settings: Record<string, unknown> = {}) {
  const flow = await createPublishedFlow(rt, pizzaOrder, 'Pizza order');
  const put = await rt.api('/api/channels/widget/settings', {
    method: 'PUT',
    json: { flowId: flow.id, ...settings },
  });
  assert.equal(put.status, 200, await put.clone().text());
  return flow;
}

describe('the web widget’s guards', () => {
  it('answers only the websites on its origin list (any website when the list is empty)', async () => {
    const rt = await startTestRuntime();
    const flow = await widgetOn(rt, { allowedOrigins: ['https://Shop.Example.com/'] });
    const settings = await json<{ settings: { allowedOrigins: string[] } }>(
      await rt.api('/api/channels/widget/settings'),
    );
    assert.deepEqual(settings.settings.allowedOrigins, ['https://shop.example.com'], 'normalised');
    const config = `${rt.public}/channels/widget/flows/${flow.id}/config`;

    const listed = await fetch(config, { headers: { origin: 'https://shop.example.com' } });
    assert.equal(listed.status, 200);
    assert.equal(listed.headers.get('access-control-allow-origin'), 'https://shop.example.com');
    assert.match(listed.headers.get('vary') ?? '', /Origin/);

    const other = await fetch(config, { headers: { origin: 'https://evil.example' } });
    assert.equal(other.status, 403);
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    assert.equal((await json<ErrorBody>(other)).error.code, 'origin_not_allowed');

    const preflight = await fetch(`${rt.public}/channels/widget/flows/${flow.id}/sessions`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://shop.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    assert.equal(preflight.status, 204);
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Content-Type/);
    const refused = await fetch(`${rt.public}/channels/widget/flows/${flow.id}/sessions`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    assert.equal(refused.status, 403);

    // Its own full-page chat is same-origin: always allowed.
    const own = await fetch(config, { headers: { origin: rt.public } });
    assert.equal(own.status, 200);

    const cleared = await rt.api('/api/channels/widget/settings', {
      method: 'PUT',
      json: { allowedOrigins: [] },
    });
    assert.equal(cleared.status, 200);
    const any = await fetch(config, { headers: { origin: 'https://anyone.example' } });
    assert.equal(any.status, 200);
    assert.equal(any.headers.get('access-control-allow-origin'), 'https://anyone.example');
  });

  it('validates its settings with errors that name the field', async () => {
    const rt = await startTestRuntime();
    const put = (body: unknown) =>
      rt.api('/api/channels/widget/settings', { method: 'PUT', json: body });
    const badOrigin = await put({ allowedOrigins: ['shop.example.com'] });
    assert.equal(badOrigin.status, 400);
    const body = await json<ErrorBody>(badOrigin);
    assert.match(body.error.message, /allowedOrigins.*https:\/\/shop\.example\.com/);
    assert.deepEqual(body.error.details, [
      { path: 'allowedOrigins[0]', message: 'Add the scheme: https://shop.example.com' },
    ]);
    assert.equal((await put({ flowId: 'f_nope' })).status, 400);
    assert.equal((await put({ colour: 'red' })).status, 400);
    assert.equal((await put({ title: '' })).status, 400);
    assert.equal((await put({ surprise: true })).status, 400);
    const stored = await json<{ settings: { flowId: string; colour: string } }>(
      await rt.api('/api/channels/widget/settings'),
    );
    assert.deepEqual(
      { flowId: stored.settings.flowId, colour: stored.settings.colour },
      { flowId: '', colour: '#2563eb' },
      'nothing refused was stored',
    );
  });

  it('refuses big bodies, long messages, other content types and unknown sessions', async () => {
    const rt = await startTestRuntime();
    const flow = await widgetOn(rt);
    const visitor = await newVisitor(rt.public, flow.id);
    const big = await visitor.say({ text: 'x'.repeat(9000) });
    assert.equal(big.status, 413);
    assert.equal((await json<ErrorBody>(big)).error.code, 'payload_too_large');
    const long = await visitor.say({ text: 'x'.repeat(2001) });
    assert.equal(long.status, 400);
    assert.match((await json<ErrorBody>(long)).error.message, /under 2000 characters/);
    const form = await fetch(
      `${rt.public}/channels/widget/sessions/${visitor.sessionId}/messages`,
      {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'hi',
      },
    );
    assert.equal(form.status, 415);
    const unknownButton = await visitor.say({ buttonId: 'pizza' });
    assert.equal(unknownButton.status, 400, 'no button was offered yet');
    assert.deepEqual(await visitor.history(), [], 'nothing refused was stored');

    for (const id of ['ws_AAAAAAAAAAAAAAAAAAAAAAAAAA', '..%2F..%2Fsettings', 'x']) {
      const response = await fetch(`${rt.public}/channels/widget/sessions/${id}/messages`);
      assert.equal(response.status, 404, id);
      assert.equal((await json<ErrorBody>(response)).error.code, 'not_found');
    }
    const notThisFlow = await fetch(`${rt.public}/channels/widget/flows/f_other/config`);
    assert.equal(notThisFlow.status, 404);
    assert.equal((await json<ErrorBody>(notThisFlow)).error.code, 'widget_not_found');
  });

  it('says the bot is not available while its flow is not published, and stores nothing', async () => {
    const rt = await startTestRuntime();
    const draft = await createFlow(rt, pizzaOrder, 'Not yet');
    const put = await rt.api('/api/channels/widget/settings', {
      method: 'PUT',
      json: { flowId: draft.id },
    });
    assert.equal(put.status, 200);
    const visitor = await newVisitor(rt.public, draft.id);
    const response = await visitor.say({ text: 'hi' });
    assert.equal(response.status, 503);
    assert.equal((await json<ErrorBody>(response)).error.code, 'widget_unavailable');
    assert.deepEqual(await visitor.history(), []);
  });

  it('limits messages per session and new conversations per IP, with Retry-After', async () => {
    const rt = await startTestRuntime();
    const flow = await widgetOn(rt);
    const visitor = await newVisitor(rt.public, flow.id);
    const { burst } = WIDGET_RATE_LIMITS.messagesPerSession;
    // Refused bodies count too: a script cannot flood by sending nonsense.
    for (let i = 0; i < burst; i += 1) assert.equal((await visitor.say({})).status, 400);
    const limited = await visitor.say({ text: 'hi' });
    assert.equal(limited.status, 429);
    assert.match(limited.headers.get('retry-after') ?? '', /^\d+$/);
    const body = await json<ErrorBody>(limited);
    assert.equal(body.error.code, 'rate_limited');
    // Another visitor is not held back by this one.
    const other = await newVisitor(rt.public, flow.id);
    assert.equal((await other.say({ text: 'hi' })).status, 202);

    const sessions = `${rt.public}/channels/widget/flows/${flow.id}/sessions`;
    const create = () =>
      fetch(sessions, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
    let status = 201;
    for (let i = 0; i <= WIDGET_RATE_LIMITS.sessionsPerIp.burst && status === 201; i += 1) {
      status = (await create()).status;
    }
    assert.equal(status, 429, 'this IP opened too many conversations');
  });

  it('serves the embed script and the full-page chat, which never render HTML', async () => {
    const rt = await startTestRuntime();
    const flow = await widgetOn(rt);
    const script = await fetch(`${rt.public}/channels/widget/embed.js`);
    assert.equal(script.status, 200);
    assert.match(script.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.equal(script.headers.get('cross-origin-resource-policy'), 'cross-origin');
    const source = await script.text();
    assert.equal(source, EMBED_SCRIPT);
    assert.doesNotMatch(source, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
    assert.match(source, /textContent/);

    const page = await fetch(`${rt.public}/channels/widget/chat/${flow.id}`);
    assert.equal(page.status, 200);
    const csp = page.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    const html = await page.text();
    assert.match(html, new RegExp(`data-flow="${flow.id}" data-mode="page"`));
    const hostile = await fetch(`${rt.public}/channels/widget/chat/%3Cscript%3E`);
    assert.equal(hostile.status, 404);
    assert.doesNotMatch(await hostile.text(), /<script>/);
  });
});
