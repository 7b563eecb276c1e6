import type { GraphQLResolveInfo } from 'graphql';
import { requireRole, requireSignedIn, type Role } from '@nets/shared/auth';
import type { RequestContext } from './request-context';

/**
 * Who may call a resolver. Every resolver in a subgraph's map is wrapped with `allow(policy, fn)`;
 * the server refuses to start when one is not, so no field is reachable by accident.
 */
export type ResolverPolicy =
  | { kind: 'anyone' }
  | { kind: 'signedIn' }
  | { kind: 'roles'; roles: readonly Role[] }
  /** The resolver scopes its result itself through the domain (e.g. by organisation or region). */
  | { kind: 'scopedByDomain'; reason: string };

export const anyone: ResolverPolicy = { kind: 'anyone' };
export const signedIn: ResolverPolicy = { kind: 'signedIn' };
export const roles = (...allowed: Role[]): ResolverPolicy => ({ kind: 'roles', roles: allowed });
export const scopedByDomain = (reason: string): ResolverPolicy => ({ kind: 'scopedByDomain', reason });

const POLICY = Symbol.for('nets.resolverPolicy');

export type ResolverFunction<TParent, TArgs, TContext, TResult> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => TResult;

export function allow<TParent, TArgs, TContext extends RequestContext, TResult>(
  policy: ResolverPolicy,
  resolver: ResolverFunction<TParent, TArgs, TContext, TResult>,
): ResolverFunction<TParent, TArgs, TContext, TResult> {
  const guarded: ResolverFunction<TParent, TArgs, TContext, TResult> = (parent, args, context, info) => {
    enforcePolicy(policy, context);
    return resolver(parent, args, context, info);
  };
  Object.defineProperty(guarded, POLICY, { value: policy });
  return guarded;
}

/** For federation's `__resolveReference(reference, context, info)`, whose context is the second argument. */
export function allowReference<TReference, TContext extends RequestContext, TResult>(
  policy: ResolverPolicy,
  resolver: (reference: TReference, context: TContext, info: GraphQLResolveInfo) => TResult,
): (reference: TReference, context: TContext, info: GraphQLResolveInfo) => TResult {
  const guarded = (reference: TReference, context: TContext, info: GraphQLResolveInfo) => {
    enforcePolicy(policy, context);
    return resolver(reference, context, info);
  };
  Object.defineProperty(guarded, POLICY, { value: policy });
  return guarded;
}

function enforcePolicy(policy: ResolverPolicy, context: RequestContext): void {
  switch (policy.kind) {
    case 'anyone':
    case 'scopedByDomain':
      return;
    case 'signedIn':
      requireSignedIn(context.identity);
      return;
    case 'roles':
      requireRole(context.identity, ...policy.roles);
      return;
  }
}

export function policyOf(resolver: unknown): ResolverPolicy | undefined {
  return typeof resolver === 'function'
    ? (resolver as unknown as Record<symbol, ResolverPolicy>)[POLICY]
    : undefined;
}

/** Names of resolvers in the map that state no policy (empty when all do). */
export function unguardedResolvers(resolvers: Record<string, unknown>): string[] {
  const missing: string[] = [];
  for (const [typeName, fields] of Object.entries(resolvers)) {
    if (fields === null || typeof fields !== 'object' || !isPlainObject(fields)) continue;
    for (const [fieldName, resolver] of Object.entries(fields as Record<string, unknown>)) {
      if (fieldName === '__resolveType' || fieldName === '__isTypeOf') continue;
      const fn: unknown =
        typeof resolver === 'function' ? resolver : (resolver as { resolve?: unknown } | null)?.resolve;
      if (typeof fn === 'function' && !policyOf(fn)) missing.push(`${typeName}.${fieldName}`);
    }
  }
  return missing;
}

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
