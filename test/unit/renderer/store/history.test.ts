import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  COALESCE_MS,
  emptyHistory,
  HISTORY_LIMIT,
  record,
  redo,
  undo,
} from '../../../../renderer/store/history';

describe('history', () => {
  it('undoes and redoes steps in order', () => {
    let history = emptyHistory<string>();
    history = record(history, 'a', { now: 0 });
    history = record(history, 'b', { now: 10 });
    // current state is "c"
    const first = undo(history, 'c');
    assert.ok(first);
    assert.equal(first.snapshot, 'b');
    const second = undo(first.history, 'b');
    assert.ok(second);
    assert.equal(second.snapshot, 'a');
    assert.equal(undo(second.history, 'a'), undefined);

    const again = redo(second.history, 'a');
    assert.ok(again);
    assert.equal(again.snapshot, 'b');
    const last = redo(again.history, 'b');
    assert.ok(last);
    assert.equal(last.snapshot, 'c');
    assert.equal(redo(last.history, 'c'), undefined);
  });

  it('a new edit drops the redo stack', () => {
    let history = record(emptyHistory<string>(), 'a', { now: 0 });
    const undone = undo(history, 'b');
    assert.ok(undone);
    history = record(undone.history, 'a', { now: 5 });
    assert.equal(history.future.length, 0);
    assert.equal(redo(history, 'x'), undefined);
  });

  it('coalesces edits with the same key within the window into one step', () => {
    let history = emptyHistory<string>();
    history = record(history, '', { key: 'label', now: 0 });
    history = record(history, 'H', { key: 'label', now: 300 });
    history = record(history, 'He', { key: 'label', now: 300 + COALESCE_MS - 1 });
    assert.equal(history.past.length, 1);
    const undone = undo(history, 'Hel');
    assert.equal(undone?.snapshot, '', 'undo goes back to before the whole burst');
  });

  it('starts a new step after a pause, for another key, or without a key', () => {
    let history = record(emptyHistory<string>(), 'a', { key: 'k', now: 0 });
    history = record(history, 'b', { key: 'k', now: COALESCE_MS + 1 });
    assert.equal(history.past.length, 2);
    history = record(history, 'c', { key: 'other', now: COALESCE_MS + 2 });
    assert.equal(history.past.length, 3);
    history = record(history, 'd', { now: COALESCE_MS + 3 });
    history = record(history, 'e', { now: COALESCE_MS + 4 });
    assert.equal(history.past.length, 5);
  });

  it('a redone step does not swallow the next typing burst', () => {
    let history = record(emptyHistory<string>(), 'a', { key: 'k', now: 0 });
    const undone = undo(history, 'b');
    assert.ok(undone);
    const redone = redo(undone.history, 'a');
    assert.ok(redone);
    history = record(redone.history, 'b', { key: 'k', now: 1 });
    assert.equal(history.past.length, 2);
  });

  it('keeps at most HISTORY_LIMIT steps, dropping the oldest', () => {
    let history = emptyHistory<number>();
    for (let i = 0; i < HISTORY_LIMIT + 5; i += 1) history = record(history, i, { now: i });
    assert.equal(history.past.length, HISTORY_LIMIT);
    assert.equal(history.past[0]?.snapshot, 5);
  });
});
