// Project tokens through the admin API and the designer (Settings → API tokens): create
// (the value is answered once), list, delete (the token stops working at once).
import {
  createProjectTokenInputSchema,
  type CreatedProjectToken,
  type ProjectTokenInfo,
} from '../shared/project-tokens';
import type { ProjectTokensStore } from '../store/project-tokens-store';
import { notFound, parseInput } from './api-error';

export interface ProjectTokensContext {
  tokens: ProjectTokensStore;
}

export function createProjectToken(
  ctx: ProjectTokensContext,
  input: unknown,
): Promise<CreatedProjectToken> {
  return ctx.tokens.create(parseInput(createProjectTokenInputSchema, input));
}

export function listProjectTokens(ctx: ProjectTokensContext): { tokens: ProjectTokenInfo[] } {
  return { tokens: ctx.tokens.list() };
}

export async function deleteProjectToken(ctx: ProjectTokensContext, id: string): Promise<void> {
  if (!(await ctx.tokens.delete(id))) throw notFound('project token', id);
}
