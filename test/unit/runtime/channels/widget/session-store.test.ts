// The widget's store on a real temp folder: sessions are their own files, read back after
// a reopen; a conversation keeps its newest messages; ids that are not session ids (path
// tricks included) are never looked up; a corrupt session file is kept aside and reported.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  MAX_SESSION_MESSAGES,
  WidgetStore,
} from '../../../../../runtime/channels/widget/session-store';
import { StoreProblems } from '../../../../../runtime/store/store-problems';
import { tempDir } from '../../../../helpers/temp-dir';

describe('WidgetStore', () => {
  it('keeps sessions and settings across a reopen, each session in its own file', async () => {
    const dir = await tempDir();
    const store = await WidgetStore.open(dir, new StoreProblems());
    const session = await store.create('f_1');
    assert.equal(store.has(session.id), true);
    await store.append(session.id, { from: 'visitor', text: 'hi' });
    await store.append(session.id, {
      from: 'bot',
      text: 'Pizza or pasta?',
      buttons: [{ id: 'pizza', label: 'Pizza' }],
    });
    const saved = await store.saveSettings({ ...store.settings(), flowId: 'f_1', title: 'Shop' });
    assert.equal(saved.title, 'Shop');
    await store.settled();
    const file = JSON.parse(
      await readFile(join(dir, 'widget', 'sessions', `${session.id}.json`), 'utf8'),
    ) as { messages: unknown[] };
    assert.equal(file.messages.length, 2);

    const reopened = await WidgetStore.open(dir, new StoreProblems());
    assert.equal(reopened.settings().title, 'Shop');
    const back = await reopened.get(session.id);
    assert.deepEqual(
      back?.messages.map((message) => [message.seq, message.from, message.text]),
      [
        [1, 'visitor', 'hi'],
        [2, 'bot', 'Pizza or pasta?'],
      ],
    );
    const next = await reopened.append(session.id, { from: 'visitor', text: 'Pizza' });
    assert.equal(next?.seq, 3, 'sequence numbers go on after a reopen');
  });

  it('keeps the newest messages of a long conversation, numbered as they came', async () => {
    const store = await WidgetStore.open(await tempDir(), new StoreProblems());
    const session = await store.create('f_1');
    for (let i = 1; i <= MAX_SESSION_MESSAGES + 5; i += 1) {
      await store.append(session.id, { from: 'visitor', text: `m${i}` });
    }
    const kept = (await store.get(session.id))?.messages ?? [];
    assert.equal(kept.length, MAX_SESSION_MESSAGES);
    assert.equal(kept[0]?.seq, 6);
    assert.equal(kept.at(-1)?.text, `m${MAX_SESSION_MESSAGES + 5}`);
  });

  it('never looks up what is not a session id, and sets a corrupt session aside', async () => {
    const dir = await tempDir();
    const store = await WidgetStore.open(dir, new StoreProblems());
    for (const id of ['../settings', 'ws_short', 'settings', '']) {
      assert.equal(await store.get(id), undefined, id);
      assert.equal(await store.append(id, { from: 'visitor', text: 'x' }), undefined, id);
    }
    const session = await store.create('f_1');
    await store.settled();
    await writeFile(join(dir, 'widget', 'sessions', `${session.id}.json`), '{ not json');
    const problems = new StoreProblems();
    const reopened = await WidgetStore.open(dir, problems);
    assert.equal(await reopened.get(session.id), undefined, 'the corrupt session is not served');
    assert.equal(problems.list().length, 1);
    assert.match(problems.list()[0]?.reason ?? '', /not valid JSON/);
  });
});
