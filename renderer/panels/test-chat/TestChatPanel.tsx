// The Test chat tab: talk to the open flow as its user would, through the runtime's test
// chat channel. Bot on the left, you on the right; buttons the bot offers are buttons.
import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import type { ChatMessage } from '../../../runtime/shared/test-chat';
import { ProblemRow } from '../../canvas/ProblemsPanel';
import { useRevealProblem } from '../../canvas/use-reveal-problem';
import { useDock } from '../../store/dock-store';
import { useRuns } from '../../store/runs-store';
import { useTestChat } from '../../store/test-chat-store';
import { PlayIcon, RestartIcon, SendIcon, Spinner } from '../../ui/icons';
import { useVersionChoice, VersionPicker } from '../dock/VersionPicker';
import { ChatStatus } from './ChatStatus';

export function TestChatPanel() {
  const [choice, setChoice] = useVersionChoice();
  const sessionId = useTestChat((state) => state.sessionId);
  const draft = useTestChat((state) => state.draft);
  const runId = useTestChat((state) => state.runId);
  const starting = useTestChat((state) => state.starting);
  const start = useTestChat((state) => state.start);
  const input = useRef<HTMLInputElement>(null);

  const begin = async (asDraft: boolean) => {
    if (await start(asDraft)) {
      // The input is enabled on the next render.
      requestAnimationFrame(() => input.current?.focus());
    }
  };
  const showRun = () => {
    if (!runId) return;
    useDock.getState().show('runs');
    void useRuns.getState().select(runId);
  };

  return (
    <div className="test-chat" data-testid="test-chat-panel">
      <div className="test-chat-toolbar">
        {sessionId ? (
          <>
            <span className="muted test-chat-version">{draft ? 'Draft' : 'Published'}</span>
            <button
              type="button"
              data-testid="chat-restart"
              disabled={starting}
              onClick={() => void begin(draft)}
            >
              {starting ? <Spinner /> : <RestartIcon />} Restart
            </button>
            <ChatStatus />
            <span className="spacer" />
            <button type="button" className="link" data-testid="chat-show-run" onClick={showRun}>
              Show the run
            </button>
          </>
        ) : (
          <>
            <VersionPicker
              id="test-chat-version"
              value={choice}
              onChange={setChoice}
              disabled={starting}
              testId="chat-version"
            />
            <button
              type="button"
              className="primary"
              data-testid="chat-start"
              disabled={starting}
              onClick={() => void begin(choice === 'draft')}
            >
              {starting ? <Spinner /> : <PlayIcon />}{' '}
              {starting ? 'Starting…' : 'Start conversation'}
            </button>
          </>
        )}
      </div>
      <StartProblems />
      <Conversation />
      <Composer inputRef={input} />
    </div>
  );
}

function StartProblems() {
  const startError = useTestChat((state) => state.startError);
  const problems = useTestChat((state) => state.startProblems);
  const reveal = useRevealProblem();
  if (!startError) return null;
  return (
    <div className="run-now-error" role="alert" data-testid="chat-start-error">
      <p className="error">Could not start the conversation: {startError}</p>
      {problems.length > 0 && (
        <ul className="problems-list">
          {problems.map((problem, index) => (
            <li key={index}>
              <ProblemRow problem={problem} onReveal={reveal} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Conversation() {
  const sessionId = useTestChat((state) => state.sessionId);
  const messages = useTestChat((state) => state.messages);
  const runStatus = useTestChat((state) => state.runStatus);
  const runError = useTestChat((state) => state.runError);
  const log = useRef<HTMLDivElement>(null);

  // New messages scroll into view (the newest is what to answer).
  useEffect(() => {
    const element = log.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [messages.length, runError]);

  const lastBot = messages.findLast((message) => message.from === 'bot');
  const canClick = runStatus === 'waiting' || runStatus === 'running';
  return (
    <div
      ref={log}
      className="chat-log"
      role="log"
      aria-label="Conversation"
      aria-live="polite"
      data-testid="chat-log"
    >
      {!sessionId ? (
        <p className="muted chat-intro">
          Talk to this flow as its user would: Start conversation runs it with the test chat, and
          your replies go where a customer&apos;s would.
        </p>
      ) : messages.length === 0 && runStatus !== 'failed' ? (
        <p className="muted chat-intro">The flow has not said anything yet.</p>
      ) : (
        messages.map((message) => (
          <Message
            key={message.seq}
            message={message}
            buttonsActive={canClick && message.seq === lastBot?.seq}
          />
        ))
      )}
      {runStatus === 'failed' && (
        <p className="chat-run-error" role="alert" data-testid="chat-run-error">
          <strong>The run failed.</strong> {runError ?? 'Reading why…'}
        </p>
      )}
      {runStatus === 'completed' && (
        <p className="chat-end muted" data-testid="chat-end">
          The flow finished the conversation.
        </p>
      )}
    </div>
  );
}

function Message({ message, buttonsActive }: { message: ChatMessage; buttonsActive: boolean }) {
  const send = useTestChat((state) => state.send);
  const sending = useTestChat((state) => state.sending);
  return (
    <div
      className={`chat-message from-${message.from}`}
      data-testid="chat-message"
      data-from={message.from}
    >
      <span className="visually-hidden">{message.from === 'bot' ? 'Bot: ' : 'You: '}</span>
      <div className="chat-bubble">{message.text}</div>
      {message.buttons && message.buttons.length > 0 && (
        <div className="chat-buttons" role="group" aria-label="Reply with a button">
          {message.buttons.map((button) => (
            <button
              key={button.id}
              type="button"
              data-testid="chat-button"
              disabled={!buttonsActive || sending}
              onClick={() => void send({ buttonId: button.id })}
            >
              {button.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

function Composer({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const sessionId = useTestChat((state) => state.sessionId);
  const runStatus = useTestChat((state) => state.runStatus);
  const sending = useTestChat((state) => state.sending);
  const sendError = useTestChat((state) => state.sendError);
  const send = useTestChat((state) => state.send);
  const [text, setText] = useState('');
  const open = sessionId !== undefined && (runStatus === 'waiting' || runStatus === 'running');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const reply = text.trim();
    if (!reply || !open) return;
    if (await send({ text: reply })) setText('');
    inputRef.current?.focus();
  };

  return (
    <form className="chat-composer" onSubmit={(event) => void submit(event)}>
      {sendError && (
        <p className="error chat-send-error" role="alert">
          Not sent: {sendError}
        </p>
      )}
      <div className="chat-composer-row">
        <label htmlFor="chat-input" className="visually-hidden">
          Your message
        </label>
        <input
          ref={inputRef}
          id="chat-input"
          data-testid="chat-input"
          autoComplete="off"
          value={text}
          disabled={!open}
          maxLength={4096}
          placeholder={
            open
              ? 'Type a reply and press Enter'
              : sessionId
                ? 'The conversation is over. Restart to talk again.'
                : 'Start a conversation first'
          }
          onChange={(event) => setText(event.target.value)}
        />
        <button
          type="submit"
          className="chat-send"
          data-testid="chat-send"
          disabled={!open || sending || text.trim() === ''}
          aria-label="Send"
        >
          {sending ? <Spinner /> : <SendIcon />}
        </button>
      </div>
    </form>
  );
}
