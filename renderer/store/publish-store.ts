// Publishing the open flow: its problems, checked by the runtime after every save (so they
// are pinned on the nodes before anyone presses Publish), Publish itself, Unpublish, and
// whether the problems panel is open.
import { create } from 'zustand';
import type { GraphProblem } from '../../runtime/shared/publishing';
import { api, ApiRequestError } from '../api/client';
import type { CanvasNode } from './canvas-types';
import { useEditor } from './editor-store';
import { useFlowsList } from './flows-list-store';
import { nodeInText } from './node-names';
import { errorText, useNotices, type Notice, type NoticeAction } from './notices-store';
import { configKey, countProblems, problemsInDetails, publishedText } from './problems';

/** After a save, wait this long for more saves before asking the runtime. */
const CHECK_DELAY_MS = 250;
/** Saves Publish waits for when edits keep arriving while it saves. */
const MAX_SAVE_ROUNDS = 3;

interface PublishState {
  /** The flow `problems` belong to. */
  flowId: string | undefined;
  problems: GraphProblem[];
  /** Each node's config (configKey) when `problems` were computed. */
  checkedConfigs: Record<string, string>;
  /** Whether `problems` come from an answer for this flow (not just cleared). */
  checked: boolean;
  /** A check is scheduled (a save just happened) or running. */
  checking: boolean;
  checkError: string | undefined;
  publishing: boolean;
  unpublishing: boolean;
  /** The flow whose problems panel is open (it stays open for that flow only). */
  panelFlowId: string | undefined;
  /** Bumped by every publish and unpublish, so an open versions list reloads. */
  versionsStamp: number;
  setPanelOpen: (open: boolean) => void;
  /** Opens the problems panel for a flow about to be opened (after an import). */
  openPanelFor: (flowId: string) => void;
  checkSoon: () => void;
  checkNow: () => Promise<void>;
  /** Saves pending edits, then publishes; true when a new version went live. */
  publish: () => Promise<boolean>;
  unpublish: () => Promise<boolean>;
}

let checkTimer: ReturnType<typeof setTimeout> | undefined;
/** Only the newest check's answer counts. */
let checkSeq = 0;
/** Aborts the check in flight: its flow was closed or deleted, its answer is moot. */
let checkAbort: AbortController | undefined;

function configsOf(nodes: readonly CanvasNode[]): Record<string, string> {
  return Object.fromEntries(nodes.map((node) => [node.id, configKey(node.data.config)]));
}

/** Saves until the runtime has what the canvas shows (edits may arrive meanwhile). */
async function saveEverything(): Promise<boolean> {
  for (let round = 0; round < MAX_SAVE_ROUNDS; round += 1) {
    const status = useEditor.getState().saveStatus;
    if (status === 'saved') return true;
    await useEditor.getState().saveNow();
    if (useEditor.getState().saveStatus === 'error') return false;
  }
  return useEditor.getState().saveStatus === 'saved';
}

export const usePublish = create<PublishState>((set, get) => {
  const notify = (kind: Notice['kind'], text: string, action?: NoticeAction) =>
    useNotices.getState().notify(kind, text, action);
  return {
    flowId: undefined,
    problems: [],
    checkedConfigs: {},
    checked: false,
    checking: false,
    checkError: undefined,
    publishing: false,
    unpublishing: false,
    panelFlowId: undefined,
    versionsStamp: 0,

    setPanelOpen: (open) => set({ panelFlowId: open ? useEditor.getState().flowId : undefined }),
    openPanelFor: (flowId) => set({ panelFlowId: flowId }),

    checkSoon: () => {
      clearTimeout(checkTimer);
      set({ checking: true });
      checkTimer = setTimeout(() => void get().checkNow(), CHECK_DELAY_MS);
    },

    checkNow: async () => {
      clearTimeout(checkTimer);
      const editor = useEditor.getState();
      const flow = editor.flow;
      // With edits pending, the save that follows asks again.
      if (!flow || editor.saveStatus !== 'saved') {
        set({ checking: false });
        return;
      }
      const seq = (checkSeq += 1);
      const configs = configsOf(editor.nodes);
      set({ checking: true });
      checkAbort?.abort();
      const abort = (checkAbort = new AbortController());
      try {
        const { problems } = await api.validateFlow(flow.id, abort.signal);
        if (seq !== checkSeq) return;
        set({
          flowId: flow.id,
          problems,
          checkedConfigs: configs,
          checked: true,
          checkError: undefined,
        });
      } catch (error) {
        if (seq === checkSeq) set({ checkError: errorText(error) });
      } finally {
        if (seq === checkSeq) set({ checking: false });
      }
    },

    publish: async () => {
      if (get().publishing || !useEditor.getState().flow) return false;
      set({ publishing: true });
      try {
        if (!(await saveEverything())) {
          const reason = useEditor.getState().saveError ?? 'the draft could not be saved';
          notify('error', `Not published: ${reason}`);
          return false;
        }
        const editor = useEditor.getState();
        const flow = editor.flow;
        if (!flow) return false;
        const configs = configsOf(editor.nodes);
        // A check in flight describes the draft we are publishing anyway.
        checkSeq += 1;
        try {
          const result = await api.publishFlow(flow.id, flow.revision);
          useEditor.getState().adoptFlow(result.flow);
          set({
            flowId: flow.id,
            problems: result.warnings,
            checkedConfigs: configs,
            checked: true,
            checkError: undefined,
            checking: false,
            versionsStamp: get().versionsStamp + 1,
          });
          await useFlowsList.getState().refresh();
          const { warnings } = countProblems(result.warnings);
          notify(
            warnings > 0 ? 'warning' : 'info',
            publishedText(result.flow.published?.version, result.warnings, nodeInText),
            warnings > 0
              ? { label: 'Show warnings', run: () => set({ panelFlowId: flow.id }) }
              : undefined,
          );
          return true;
        } catch (error) {
          const problems =
            error instanceof ApiRequestError && error.code === 'invalid_flow'
              ? problemsInDetails(error.details)
              : undefined;
          if (problems) {
            set({
              flowId: flow.id,
              problems,
              checkedConfigs: configs,
              checked: true,
              checking: false,
              panelFlowId: flow.id,
            });
            notify('error', `Not published: ${errorText(error)}. Fix the problems listed.`);
          } else {
            notify('error', `Could not publish: ${errorText(error)}`);
          }
          return false;
        }
      } finally {
        set({ publishing: false });
      }
    },

    unpublish: async () => {
      const flow = useEditor.getState().flow;
      if (!flow || get().unpublishing) return false;
      set({ unpublishing: true });
      try {
        const saved = await api.unpublishFlow(flow.id);
        useEditor.getState().adoptFlow(saved);
        set({ versionsStamp: get().versionsStamp + 1 });
        await useFlowsList.getState().refresh();
        notify('info', `Unpublished “${saved.name}”: its URLs answer 404 until you publish again`);
        return true;
      } catch (error) {
        notify('error', `Could not unpublish: ${errorText(error)}`);
        return false;
      } finally {
        set({ unpublishing: false });
      }
    },
  };
});

// Every saved draft (and every flow opened) is checked again, shortly after.
useEditor.subscribe((state, previous) => {
  if (state.flowId !== previous.flowId) {
    // The flow is closed (another opened, or it is being deleted): nothing more is asked
    // about it. A check fired after its DELETE would be answered 404.
    checkSeq += 1;
    clearTimeout(checkTimer);
    checkAbort?.abort();
    usePublish.setState({
      flowId: state.flowId,
      problems: [],
      checkedConfigs: {},
      checked: false,
      checking: false,
      checkError: undefined,
    });
  }
  const flow = state.flow;
  if (flow && (flow.id !== previous.flow?.id || flow.revision !== previous.flow.revision)) {
    usePublish.getState().checkSoon();
  }
});
