// The Test chat panel's conversation with the open flow: a test chat session on the
// runtime, its messages as they arrive (test-chat-follow.ts), and the run's status. It
// lives in a store so switching dock tabs keeps the conversation.
import { create } from 'zustand';
import type { GraphProblem } from '../../runtime/shared/publishing';
import type { Run, RunStatus } from '../../runtime/shared/run';
import type { ChatMessage } from '../../runtime/shared/test-chat';
import { api, ApiRequestError } from '../api/client';
import { useEditor } from './editor-store';
import { errorText } from './notices-store';
import { problemsInDetails } from './problems';
import { followSession, type ChatConnection } from './test-chat-follow';

/** A Jump hands a conversation to another run; follow at most this many hand-overs. */
const MAX_JUMPS = 10;

interface ChatData {
  sessionId: string | undefined;
  /** The run the session started (a Jump may have moved on to another one). */
  runId: string | undefined;
  draft: boolean;
  messages: ChatMessage[];
  runStatus: RunStatus | 'unknown' | undefined;
  /** Why the run failed, once it has. */
  runError: string | undefined;
  connection: ChatConnection | undefined;
  connectionError: string | undefined;
  starting: boolean;
  startError: string | undefined;
  startProblems: GraphProblem[];
  sending: boolean;
  sendError: string | undefined;
}

interface TestChatState extends ChatData {
  flowId: string | undefined;
  start: (draft: boolean) => Promise<boolean>;
  send: (reply: { text: string } | { buttonId: string }) => Promise<boolean>;
  /** Ends the conversation here (the run goes on waiting until it times out). */
  reset: () => void;
}

const initial: ChatData = {
  sessionId: undefined,
  runId: undefined,
  draft: false,
  messages: [],
  runStatus: undefined,
  runError: undefined,
  connection: undefined,
  connectionError: undefined,
  starting: false,
  startError: undefined,
  startProblems: [],
  sending: false,
  sendError: undefined,
};

let stopFollowing: (() => void) | undefined;

/** The run that ended the conversation: the first one, or where its Jumps led. */
async function lastRun(runId: string): Promise<Run> {
  let run = await api.getRun(runId);
  for (let hops = 0; run.jumpedTo && hops < MAX_JUMPS; hops += 1) {
    run = await api.getRun(run.jumpedTo.runId);
  }
  return run;
}

export const useTestChat = create<TestChatState>((set, get) => {
  const follow = (sessionId: string) => {
    stopFollowing?.();
    stopFollowing = followSession(sessionId, {
      onMessage: (message) => {
        if (get().sessionId !== sessionId) return;
        const messages = get().messages.filter((item) => item.seq !== message.seq);
        set({ messages: [...messages, message].sort((a, b) => a.seq - b.seq) });
      },
      onStatus: (runStatus) => {
        if (get().sessionId !== sessionId || get().runStatus === runStatus) return;
        set({ runStatus });
        const runId = get().runId;
        if (runStatus === 'failed' && runId) {
          void lastRun(runId)
            .then((run) => {
              if (get().sessionId === sessionId) set({ runError: run.error ?? 'The run failed' });
            })
            .catch((error: unknown) => {
              if (get().sessionId === sessionId) {
                set({
                  runError: `The run failed (its details could not be read: ${errorText(error)})`,
                });
              }
            });
        }
      },
      onConnection: (connection, error) => {
        if (get().sessionId === sessionId) set({ connection, connectionError: error });
      },
    });
  };

  return {
    flowId: useEditor.getState().flowId,
    ...initial,

    start: async (draft) => {
      const flowId = get().flowId;
      if (!flowId || get().starting) return false;
      stopFollowing?.();
      set({ ...initial, draft, starting: true });
      try {
        if (draft) {
          await useEditor.getState().saveNow();
          if (useEditor.getState().saveStatus === 'error') {
            set({ startError: useEditor.getState().saveError ?? 'The draft could not be saved' });
            return false;
          }
        }
        const { sessionId, runId } = await api.createTestChat({ flowId, draft });
        if (get().flowId !== flowId) return false;
        set({ sessionId, runId, runStatus: 'running', connection: 'connecting' });
        follow(sessionId);
        return true;
      } catch (error) {
        const problems =
          error instanceof ApiRequestError && error.code === 'invalid_flow'
            ? problemsInDetails(error.details)
            : undefined;
        set({ startError: errorText(error), startProblems: problems ?? [] });
        return false;
      } finally {
        set({ starting: false });
      }
    },

    send: async (reply) => {
      const sessionId = get().sessionId;
      if (!sessionId || get().sending) return false;
      set({ sending: true, sendError: undefined });
      try {
        await api.sendTestChat(sessionId, reply);
        return true;
      } catch (error) {
        if (get().sessionId === sessionId) set({ sendError: errorText(error) });
        return false;
      } finally {
        if (get().sessionId === sessionId) set({ sending: false });
      }
    },

    reset: () => {
      stopFollowing?.();
      stopFollowing = undefined;
      set({ ...initial });
    },
  };
});

// Another flow opened: the conversation was with the previous one.
useEditor.subscribe((state, previous) => {
  if (state.flowId === previous.flowId) return;
  stopFollowing?.();
  stopFollowing = undefined;
  useTestChat.setState({ flowId: state.flowId, ...initial });
});
