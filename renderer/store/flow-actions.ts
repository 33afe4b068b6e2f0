// Flow commands that involve both the flows list and the open flow: the open flow's
// pending edits are saved first, and its document follows what the runtime answered.
import { api } from '../api/client';
import { useEditor } from './editor-store';
import { useFlowsList } from './flows-list-store';
import { errorText, useNotices } from './notices-store';

/** Copies a flow (from its saved draft, after saving the open one) and opens the copy. */
export async function duplicateAndOpen(
  id: string,
  select: (id: string) => void,
): Promise<string | undefined> {
  if (useEditor.getState().flowId === id) await useEditor.getState().saveNow();
  const copyId = await useFlowsList.getState().duplicate(id);
  if (copyId) select(copyId);
  return copyId;
}

/** Renames a flow; the open flow takes the new name and revision (no stale-save conflict). */
export async function renameFlow(id: string, name: string): Promise<boolean> {
  const editor = useEditor.getState();
  if (editor.flowId === id) await editor.saveNow();
  try {
    const saved = await api.updateFlow(id, { name });
    useEditor.getState().adoptFlow(saved);
    await useFlowsList.getState().refresh();
    return true;
  } catch (error) {
    useNotices.getState().notify('error', `Could not rename the flow: ${errorText(error)}`);
    return false;
  }
}

/**
 * Deletes a flow. The open one is closed first, without saving: its pending autosave and
 * problems check are cancelled and a check in flight is aborted (fired after the DELETE,
 * each would be answered 404), and a save already on its way is answered before the
 * DELETE goes. If the delete fails, the flow opens again as the runtime has it.
 */
export async function deleteFlow(id: string): Promise<boolean> {
  const wasOpen = useEditor.getState().flowId === id;
  if (wasOpen) await useEditor.getState().discard();
  const deleted = await useFlowsList.getState().remove(id);
  if (!deleted && wasOpen && useEditor.getState().flowId === undefined) {
    await useEditor.getState().open(id);
  }
  return deleted;
}
