// The widget's browser code, served as `/channels/widget/embed.js`. One script for both
// places it runs: a website's page (`<script src=… data-flow=… async>`: a chat bubble and a
// panel) and the standalone full-page chat (`data-mode="page"`). It draws only inside its
// own shadow root, so the host page's CSS and its own never mix; every text it shows (the
// bot's, the visitor's, the title) is set with textContent, never parsed as HTML. Styles
// are a constructed stylesheet (no inline <style>, so a strict style-src needs no
// 'unsafe-inline'); the colour is a CSS custom property set through the CSSOM.
//
// Plain ES2017 in a string: it ships to every browser as written, with no build step.
// Keep it free of template literals (this file's own quoting).
export const EMBED_SCRIPT = String.raw`(function () {
  'use strict';
  var script = document.currentScript ||
    document.querySelector('script[src*="/channels/widget/embed.js"][data-flow]');
  if (!script || !script.src) return;
  var flowId = script.getAttribute('data-flow') || '';
  var pageMode = script.getAttribute('data-mode') === 'page';
  var base = new URL(script.src).origin + '/channels/widget';
  var storageKey = 'hookflow-widget:' + base + ':' + flowId;

  var CSS = [
    ':host { all: initial; --hf-accent: #2563eb; font: 15px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #111827; }',
    '.bubble { position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; width: 56px; height: 56px; border-radius: 50%; border: 0; background: var(--hf-accent); color: #fff; display: grid; place-items: center; cursor: pointer; box-shadow: 0 4px 14px rgba(0,0,0,.25); }',
    '.bubble:focus-visible, button:focus-visible, textarea:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }',
    '.panel { position: fixed; right: 20px; bottom: 88px; z-index: 2147483000; width: 360px; max-width: calc(100vw - 40px); height: 520px; max-height: calc(100vh - 120px); display: flex; flex-direction: column; background: #fff; border-radius: 12px; box-shadow: 0 10px 30px rgba(0,0,0,.3); overflow: hidden; }',
    '.panel[hidden] { display: none; }',
    '.page .panel { position: static; width: 100%; max-width: none; height: 100vh; max-height: none; border-radius: 0; box-shadow: none; }',
    'header { display: flex; align-items: center; gap: 8px; padding: 12px 14px; background: var(--hf-accent); color: #fff; }',
    'header h2 { flex: 1; margin: 0; font-size: 16px; font-weight: 600; }',
    'header button { border: 0; background: transparent; color: #fff; font-size: 20px; cursor: pointer; }',
    '.log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 8px; background: #f9fafb; }',
    '.greeting { color: #4b5563; margin: 0 0 4px; white-space: pre-wrap; }',
    '.msg { max-width: 80%; padding: 8px 11px; border-radius: 12px; white-space: pre-wrap; overflow-wrap: anywhere; }',
    '.msg.bot { align-self: flex-start; background: #e5e7eb; }',
    '.msg.visitor { align-self: flex-end; background: var(--hf-accent); color: #fff; }',
    '.choices { display: flex; flex-wrap: wrap; gap: 6px; }',
    '.choices button { border: 1px solid var(--hf-accent); color: var(--hf-accent); background: #fff; border-radius: 16px; padding: 6px 12px; cursor: pointer; font: inherit; }',
    '.choices button:disabled { opacity: .5; cursor: default; }',
    '.status { min-height: 0; margin: 0; padding: 0 12px; color: #b91c1c; font-size: 13px; }',
    '.status:not(:empty) { padding: 6px 12px; }',
    'form { display: flex; gap: 6px; padding: 10px; border-top: 1px solid #e5e7eb; background: #fff; }',
    'textarea { flex: 1; resize: none; height: 38px; padding: 8px; border: 1px solid #d1d5db; border-radius: 8px; font: inherit; }',
    'form button { border: 0; border-radius: 8px; padding: 0 14px; background: var(--hf-accent); color: #fff; font: inherit; cursor: pointer; }',
    'form button:disabled { opacity: .6; cursor: default; }'
  ].join('\n');

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function testId(node, id) { node.setAttribute('data-testid', id); return node; }
  /** A speech bubble drawn as SVG: no icon font or emoji the visitor's system may lack. */
  function chatIcon() {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', '26');
    svg.setAttribute('height', '26');
    svg.setAttribute('aria-hidden', 'true');
    var path = document.createElementNS(ns, 'path');
    path.setAttribute('fill', 'currentColor');
    path.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z');
    svg.appendChild(path);
    return svg;
  }

  function readStored() {
    try { return window.localStorage.getItem(storageKey); } catch (e) { return null; }
  }
  function store(id) {
    try {
      if (id) window.localStorage.setItem(storageKey, id);
      else window.localStorage.removeItem(storageKey);
    } catch (e) { /* storage blocked: the session lasts as long as the page */ }
  }

  function request(method, path, body) {
    var init = { method: method, headers: {}, mode: 'cors', credentials: 'omit' };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(base + path, init).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (response.ok) return data;
        var error = new Error((data && data.error && data.error.message) || ('The chat answered ' + response.status));
        error.status = response.status;
        error.retryAfter = Number(response.headers.get('Retry-After')) || 0;
        throw error;
      });
    });
  }

  function start() {
    var host = el('div');
    host.id = 'hookflow-widget';
    var root = host.attachShadow({ mode: 'open' });
    var sheetText = CSS;
    if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function') {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(sheetText);
      root.adoptedStyleSheets = [sheet];
    } else {
      root.appendChild(el('style', '', sheetText));
    }
    var frame = el('div', pageMode ? 'page' : 'embedded');
    root.appendChild(frame);
    if (pageMode) document.body.style.margin = '0';
    document.body.appendChild(host);

    var bubble = testId(el('button', 'bubble'), 'widget-bubble');
    bubble.appendChild(chatIcon());
    bubble.type = 'button';
    bubble.setAttribute('aria-expanded', 'false');
    var panel = testId(el('section', 'panel'), 'widget-panel');
    panel.setAttribute('role', pageMode ? 'main' : 'dialog');
    var header = el('header');
    var title = testId(el('h2', '', 'Chat'), 'widget-title');
    title.id = 'hf-title';
    panel.setAttribute('aria-labelledby', 'hf-title');
    header.appendChild(title);
    var close = testId(el('button', '', '\u00D7'), 'widget-close');
    close.type = 'button';
    close.setAttribute('aria-label', 'Close the chat');
    if (!pageMode) header.appendChild(close);
    var log = testId(el('div', 'log'), 'widget-log');
    log.setAttribute('role', 'log');
    log.setAttribute('aria-live', 'polite');
    var greeting = testId(el('p', 'greeting'), 'widget-greeting');
    log.appendChild(greeting);
    var status = testId(el('p', 'status'), 'widget-status');
    status.setAttribute('role', 'alert');
    var form = el('form');
    var input = testId(el('textarea'), 'widget-input');
    input.setAttribute('aria-label', 'Your message');
    input.setAttribute('maxlength', '2000');
    input.placeholder = 'Write a message…';
    var send = testId(el('button', '', 'Send'), 'widget-send');
    send.type = 'submit';
    form.appendChild(input);
    form.appendChild(send);
    panel.appendChild(header);
    panel.appendChild(log);
    panel.appendChild(status);
    panel.appendChild(form);
    if (!pageMode) {
      panel.hidden = true;
      frame.appendChild(bubble);
    }
    frame.appendChild(panel);

    var sessionId = null;
    var lastSeq = 0;
    var seen = {};
    var connected = null;
    var sending = false;
    var choices = null;

    function say(text) { status.textContent = text || ''; }
    function failed(error) {
      if (error && error.status === 429) {
        say('You are sending messages too fast: wait ' + (error.retryAfter || 'a few') + ' seconds and try again.');
      } else {
        say((error && error.message) || 'The chat could not be reached. Check your connection and try again.');
      }
    }

    function show(message) {
      if (seen[message.seq]) return;
      seen[message.seq] = true;
      if (message.seq > lastSeq) lastSeq = message.seq;
      if (choices) {
        var old = choices.querySelectorAll('button');
        for (var i = 0; i < old.length; i++) old[i].disabled = true;
        choices = null;
      }
      var bubbleText = testId(el('div', 'msg ' + (message.from === 'bot' ? 'bot' : 'visitor'), message.text), 'widget-message');
      bubbleText.setAttribute('data-from', message.from);
      log.appendChild(bubbleText);
      if (message.from === 'bot' && message.buttons && message.buttons.length > 0) {
        choices = el('div', 'choices');
        message.buttons.forEach(function (button) {
          var choice = testId(el('button', '', button.label), 'widget-button');
          choice.type = 'button';
          choice.addEventListener('click', function () { post({ buttonId: button.id }); });
          choices.appendChild(choice);
        });
        log.appendChild(choices);
      }
      log.scrollTop = log.scrollHeight;
    }

    function session() {
      if (sessionId) return Promise.resolve(sessionId);
      var stored = readStored();
      if (stored) { sessionId = stored; return Promise.resolve(stored); }
      return request('POST', '/flows/' + encodeURIComponent(flowId) + '/sessions', {}).then(function (data) {
        sessionId = data.sessionId;
        store(sessionId);
        return sessionId;
      });
    }

    function forget() {
      sessionId = null;
      store(null);
      connected = null;
    }

    function poll(id) {
      if (id !== sessionId) return;
      request('GET', '/sessions/' + id + '/messages?wait=25&after=' + lastSeq).then(function (data) {
        data.messages.forEach(show);
        poll(id);
      }, function (error) {
        if (error.status === 404) { forget(); return; }
        setTimeout(function () { poll(id); }, (error.retryAfter || 3) * 1000);
      });
    }

    function follow(id) {
      if (typeof EventSource !== 'function') { poll(id); return; }
      var source = new EventSource(base + '/sessions/' + id + '/events?after=' + lastSeq);
      source.addEventListener('message', function (event) {
        try { show(JSON.parse(event.data)); } catch (e) { /* not a message */ }
      });
      source.addEventListener('error', function () {
        // The browser reconnects on its own (with Last-Event-ID); a refused stream is
        // closed for good: long-polling takes over.
        if (source.readyState === EventSource.CLOSED) poll(id);
      });
    }

    function connect() {
      // Once connecting, every caller waits for the same attempt.
      if (connected) return connected;
      connected = session().then(function (id) {
        return request('GET', '/sessions/' + id + '/messages?after=0').then(function (data) {
          data.messages.forEach(show);
          follow(id);
        });
      }).catch(function (error) {
        connected = null;
        if (error.status === 404 && sessionId) { forget(); return connect(); }
        failed(error);
      });
      return connected;
    }

    function attempt(body, retried) {
      return connect().then(function () {
        if (!sessionId) throw new Error('The chat could not be reached. Try again.');
        return request('POST', '/sessions/' + sessionId + '/messages', body);
      }).catch(function (error) {
        // The session is gone (forgotten by the server): a new conversation, once.
        if (error.status === 404 && !retried) { forget(); return attempt(body, true); }
        throw error;
      });
    }

    function post(body) {
      if (sending) return;
      sending = true;
      send.disabled = true;
      say('');
      attempt(body, false).then(function () {
        if (body.text !== undefined) input.value = '';
      }, failed).then(function () {
        sending = false;
        send.disabled = false;
        input.focus();
      });
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var text = input.value.trim();
      if (text) post({ text: text });
    });
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && !event.shiftKey) {
        event.preventDefault();
        form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event('submit'));
      }
    });

    function open() {
      panel.hidden = false;
      bubble.setAttribute('aria-expanded', 'true');
      input.focus();
      connect();
    }
    function shut() {
      panel.hidden = true;
      bubble.setAttribute('aria-expanded', 'false');
      bubble.focus();
    }
    bubble.addEventListener('click', function () { if (panel.hidden) open(); else shut(); });
    close.addEventListener('click', shut);
    panel.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && !pageMode) shut();
    });

    request('GET', '/flows/' + encodeURIComponent(flowId) + '/config').then(function (config) {
      host.style.setProperty('--hf-accent', config.colour);
      title.textContent = config.title;
      greeting.textContent = config.greeting;
      bubble.setAttribute('aria-label', 'Open the chat: ' + config.title);
      if (pageMode) { document.title = config.title; open(); }
      host.setAttribute('data-ready', 'true');
    }, function (error) {
      if (pageMode) {
        say(error.message);
        input.disabled = true;
        send.disabled = true;
      } else {
        host.remove();
      }
      if (window.console) console.warn('Hookflow chat widget: ' + error.message);
    });
  }

  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
})();
`;
