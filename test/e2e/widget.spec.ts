// The web chat widget on someone else's website (issue 14): a shop page served from another
// loopback port (another origin), with a strict CSP that allows only what README's
// "Channels → Web widget" says the widget needs, embeds the one-tag snippet. A visitor
// opens the bubble, writes, clicks a button, types an answer; the flow's Condition routes
// it; the bot's markup stays text; a reload resumes the conversation; and the conversation
// is in the designer's Chats view.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { widgetSnippet } from '../../runtime/shared/widget';
import { adminClient, createPublishedFlow } from '../helpers/admin-api';
import { pizzaOrder } from '../helpers/widget-flows';
import { expect, screenshot, signIn, test, type Hookflow } from './fixtures';

/** A shop's page on its own origin: nothing but a heading and the snippet. */
async function startShop(
  hookflow: Hookflow,
  flowId: string,
): Promise<{ url: string; server: Server }> {
  const csp =
    `default-src 'none'; script-src ${hookflow.public}; connect-src ${hookflow.public}; ` +
    "style-src 'self'";
  const server = createServer((req, res) => {
    if (req.url !== '/') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': csp,
    });
    res.end(
      `<!doctype html><html><head><meta charset="utf-8"><title>Pizza Place</title></head>` +
        `<body><h1>Pizza Place</h1>${widgetSnippet(hookflow.public, flowId)}</body></html>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server };
}

test('a visitor on another website talks to the flow through the widget; the chat shows in Chats', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  const admin = adminClient(hookflow);
  const flow = await createPublishedFlow(admin, pizzaOrder, 'Pizza order');
  // The shop's port is known only once it listens: start it, then list its origin.
  const shop = await startShop(hookflow, flow.id);
  try {
    const put = await admin.api('/api/channels/widget/settings', {
      method: 'PUT',
      json: {
        flowId: flow.id,
        title: 'Pizza Place',
        colour: '#dc2626',
        greeting: 'Hungry? Say hi.',
        allowedOrigins: [shop.url],
      },
    });
    expect(put.status).toBe(200);

    await page.goto(shop.url);
    const widget = page.locator('#hookflow-widget');
    await expect(widget).toHaveAttribute('data-ready', 'true');
    const bubble = page.getByTestId('widget-bubble');
    await expect(bubble).toHaveAccessibleName('Open the chat: Pizza Place');
    // Styled from its constructed stylesheet, with the chosen colour, under the shop's CSP.
    await expect(bubble).toHaveCSS('background-color', 'rgb(220, 38, 38)');
    await expect(bubble).toHaveCSS('position', 'fixed');
    await bubble.click();
    const panel = page.getByTestId('widget-panel');
    await expect(panel).toBeVisible();
    await expect(panel.getByTestId('widget-title')).toHaveText('Pizza Place');
    await expect(panel.getByTestId('widget-greeting')).toHaveText('Hungry? Say hi.');
    await expect(panel.getByTestId('widget-input')).toBeFocused();

    await page.keyboard.type('hi');
    await page.keyboard.press('Enter');
    const messages = panel.getByTestId('widget-message');
    await expect(messages.nth(0)).toHaveText('hi');
    await expect(messages.nth(0)).toHaveAttribute('data-from', 'visitor');
    await expect(messages.nth(1)).toHaveText('Pizza or pasta?');
    await expect(messages.nth(1)).toHaveAttribute('data-from', 'bot');
    await panel.getByRole('button', { name: 'Pizza' }).click();
    await expect(messages.nth(2)).toHaveText('Pizza');
    await expect(messages.nth(3)).toHaveText('How many pizzas?');
    await expect(panel.getByRole('button', { name: 'Pasta' })).toBeDisabled();
    await panel.getByTestId('widget-input').fill('5');
    await page.keyboard.press('Enter');
    // The Condition took "more than 3"; the markup in the bot's text is shown as text.
    await expect(messages.nth(5)).toHaveText('5 pizzas: that is a party! <b>See you</b>');
    await expect(panel.locator('b')).toHaveCount(0);
    await screenshot(page, 'widget-on-a-website');

    // A reload keeps the visitor's session (localStorage): the conversation comes back.
    await page.reload();
    await expect(widget).toHaveAttribute('data-ready', 'true');
    await page.getByTestId('widget-bubble').click();
    await expect(page.getByTestId('widget-message')).toHaveCount(6);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('widget-panel')).toBeHidden();
    await expect(page.getByTestId('widget-bubble')).toBeFocused();
  } finally {
    shop.server.close();
  }

  // In Hookflow: the chat on the widget channel, connected, with the whole conversation.
  await signIn(page, hookflow);
  await page.getByTestId('view-chats').click();
  const row = page.getByTestId('chat-row').filter({ hasText: 'Web widget' });
  await expect(row).toHaveCount(1);
  await expect(row.locator('.chat-connected')).toHaveText('connected');
  await row.click();
  const detail = page.getByTestId('chat-detail');
  const conversation = detail.getByTestId('chat-message');
  await expect(conversation).toHaveCount(6);
  await expect(conversation.nth(2)).toContainText('Pizza');
  await expect(conversation.nth(5)).toContainText('5 pizzas: that is a party! <b>See you</b>');
  await screenshot(page, 'widget-chat-in-chats-view');
});

test('the widget is set up in the Channels view: flow, look, origins, snippet copied, live preview', async ({
  page,
  hookflow,
  consoleErrors: _,
  allowedHttpStatuses,
}) => {
  // The invalid origin below is refused with a 400 on purpose.
  allowedHttpStatuses.add(400);
  const admin = adminClient(hookflow);
  const flow = await createPublishedFlow(admin, pizzaOrder, 'Pizza order');
  await signIn(page, hookflow);
  await page.getByTestId('view-channels').click();
  const card = page.getByTestId('channel-widget');
  await expect(card.getByTestId('channel-widget-state')).toHaveText('Needs setup');
  const setup = card.getByTestId('widget-setup');
  await expect(setup.getByTestId('widget-not-set-up')).toBeVisible();

  // By keyboard: the flow, the title, the greeting.
  await setup.getByLabel('Flow it starts').focus();
  await setup.getByLabel('Flow it starts').selectOption({ label: 'Pizza order' });
  await page.keyboard.press('Tab');
  await expect(setup.getByLabel('Title')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Pizza Place');
  await setup.getByTestId('widget-colour-hex').fill('#dc2626');
  await setup.getByLabel('Greeting').fill('Hungry? Say hi.');
  // A wrong origin is refused and said where.
  await setup.getByLabel('Websites that may embed it').fill('shop.example.com');
  await setup.getByTestId('widget-save').click();
  await expect(setup.getByTestId('widget-save-error')).toContainText(
    'Add the scheme: https://shop.example.com',
  );
  await expect(setup.getByLabel('Websites that may embed it')).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await setup.getByLabel('Websites that may embed it').fill('https://shop.example.com');
  await setup.getByLabel('Websites that may embed it').press('Tab');
  await page.keyboard.press('Enter'); // Save, focused next
  await expect(setup.getByTestId('widget-save-status')).toHaveText(
    'Saved: the widget uses these settings now.',
  );
  await expect(card.getByTestId('channel-widget-state')).toHaveText('Connected');

  const snippet = setup.getByTestId('widget-snippet');
  await expect(snippet).toHaveValue(
    `<script src="${hookflow.public}/channels/widget/embed.js" data-flow="${flow.id}" async></script>`,
  );
  await expect(setup.getByTestId('widget-chat-url')).toHaveValue(
    `${hookflow.public}/channels/widget/chat/${flow.id}`,
  );
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await setup.getByTestId('widget-snippet-copy').click();
  await expect(setup.getByTestId('widget-snippet-copy')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    await snippet.inputValue(),
  );

  // The live preview is the real full-page chat, with the saved look.
  const preview = page.frameLocator('[data-testid="widget-preview"]');
  await expect(preview.getByTestId('widget-title')).toHaveText('Pizza Place');
  await expect(preview.getByTestId('widget-greeting')).toHaveText('Hungry? Say hi.');
  await expect(preview.getByTestId('widget-send')).toHaveCSS(
    'background-color',
    'rgb(220, 38, 38)',
  );
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'widget-setup');
});
