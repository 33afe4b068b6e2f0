// Files that could not be loaded. They are moved aside (never overwritten) and listed
// here so the CLI prints them and the designer shows them until the user acts.

export interface StoreProblem {
  /** The file that could not be read. */
  path: string;
  /** Where the unreadable file was kept. */
  keptAt: string;
  reason: string;
  at: string;
}

export class StoreProblems {
  readonly #items: StoreProblem[] = [];

  add(problem: Omit<StoreProblem, 'at'>): void {
    this.#items.push({ ...problem, at: new Date().toISOString() });
  }

  list(): readonly StoreProblem[] {
    return this.#items;
  }
}
