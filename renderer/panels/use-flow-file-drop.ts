// Dropping a flow file on the flows list: the list lights up while a file is dragged over
// it and hands the dropped file on. A file dropped anywhere else is caught too, or the
// browser would open it in place of the designer.
import { useEffect, useState, type DragEvent } from 'react';
import { useNotices } from '../store/notices-store';

interface DropTarget {
  onDragOver: (event: DragEvent) => void;
  onDragLeave: (event: DragEvent) => void;
  onDrop: (event: DragEvent) => void;
}

function carriesFiles(transfer: DataTransfer | null): boolean {
  return transfer?.types.includes('Files') === true;
}

export function useFlowFileDrop(onFile: (file: File) => void): {
  dropping: boolean;
  dropTarget: DropTarget;
} {
  const [dropping, setDropping] = useState(false);

  useEffect(() => {
    const onDragOver = (event: globalThis.DragEvent) => {
      if (carriesFiles(event.dataTransfer)) event.preventDefault();
    };
    const onDrop = (event: globalThis.DragEvent) => {
      // Drops the page handles (the list, the import dialog, the canvas) are prevented.
      if (!carriesFiles(event.dataTransfer) || event.defaultPrevented) return;
      event.preventDefault();
      useNotices
        .getState()
        .notify('info', 'To import a flow file, drop it on the flows list on the left');
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  return {
    dropping,
    dropTarget: {
      onDragOver: (event) => {
        if (!carriesFiles(event.dataTransfer)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setDropping(true);
      },
      onDragLeave: (event) => {
        const to = event.relatedTarget;
        if (!(to instanceof Node) || !event.currentTarget.contains(to)) setDropping(false);
      },
      onDrop: (event) => {
        if (!carriesFiles(event.dataTransfer)) return;
        event.preventDefault();
        setDropping(false);
        const file = event.dataTransfer.files[0];
        if (file) onFile(file);
      },
    },
  };
}
