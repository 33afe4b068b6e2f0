export declare function importCycles(root: string): string[][];
