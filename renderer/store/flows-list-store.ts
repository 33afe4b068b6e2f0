import { create } from 'zustand';
import type { FlowSummary } from '../../runtime/shared/flow-document';
import { api } from '../api/client';
import { errorText, useNotices } from './notices-store';

interface FlowsListState {
  flows: FlowSummary[];
  loading: boolean;
  loadError: string | undefined;
  refresh: () => Promise<void>;
  create: (name: string) => Promise<string | undefined>;
  remove: (id: string) => Promise<boolean>;
  /** Copies a flow; returns the copy's id. */
  duplicate: (id: string) => Promise<string | undefined>;
}

export const useFlowsList = create<FlowsListState>((set, get) => ({
  flows: [],
  loading: true,
  loadError: undefined,
  refresh: async () => {
    try {
      set({ flows: await api.listFlows(), loading: false, loadError: undefined });
    } catch (error) {
      set({ loading: false, loadError: errorText(error) });
    }
  },
  create: async (name) => {
    try {
      const flow = await api.createFlow({ name });
      await get().refresh();
      useNotices.getState().notify('info', `Created “${flow.name}”`);
      return flow.id;
    } catch (error) {
      useNotices.getState().notify('error', `Could not create the flow: ${errorText(error)}`);
      return undefined;
    }
  },
  duplicate: async (id) => {
    try {
      const copy = await api.duplicateFlow(id);
      await get().refresh();
      useNotices.getState().notify('info', `Created “${copy.name}”`);
      return copy.id;
    } catch (error) {
      useNotices.getState().notify('error', `Could not duplicate the flow: ${errorText(error)}`);
      return undefined;
    }
  },
  remove: async (id) => {
    try {
      await api.deleteFlow(id);
      await get().refresh();
      useNotices.getState().notify('info', 'Flow deleted');
      return true;
    } catch (error) {
      useNotices.getState().notify('error', `Could not delete the flow: ${errorText(error)}`);
      return false;
    }
  },
}));
