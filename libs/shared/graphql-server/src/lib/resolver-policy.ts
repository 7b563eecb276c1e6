import { isNational, requireRole, requireSignedIn, type Role } from '@nets/shared/auth';
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

type AnyResolver = (...args: never[]) => unknown;

export function allow<TFn extends (parent: never, args: never, context: RequestContext, info: never) => unknown>(
  policy: ResolverPolicy,
  resolver: TFn,
): TFn {
  const guarded = function (this: unknown, ...args: Parameters<TFn>) {
    const context = args[2];
    enforcePolicy(policy, context);
    return resolver.apply(this, args);
  } as unknown as TFn;
  Object.defineProperty(guarded, POLICY, { value: policy });
  return guarded;
}

/** For federation's `__resolveReference(reference, context, info)`, whose context is the second argument. */
export function allowReference<TFn extends (reference: never, context: RequestContext, info: never) => unknown>(
  policy: ResolverPolicy,
  resolver: TFn,
): TFn {
  const guarded = function (this: unknown, ...args: Parameters<TFn>) {
    enforcePolicy(policy, args[1]);
    return resolver.apply(this, args);
  } as unknown as TFn;
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
  return typeof resolver === 'function' ? (resolver as unknown as Record<symbol, ResolverPolicy>)[POLICY] : undefined;
}

/** Names of resolvers in the map that state no policy (empty when all do). */
export function unguardedResolvers(resolvers: Record<string, unknown>): string[] {
  const missing: string[] = [];
  for (const [typeName, fields] of Object.entries(resolvers)) {
    if (fields === null || typeof fields !== 'object' || !isPlainObject(fields)) continue;
    for (const [fieldName, resolver] of Object.entries(fields as Record<string, unknown>)) {
      if (fieldName === '__resolveType' || fieldName === '__isTypeOf') continue;
      const fn = typeof resolver === 'function' ? resolver : (resolver as { resolve?: unknown } | null)?.resolve;
      if (typeof fn === 'function' && !policyOf(fn as AnyResolver)) missing.push(`${typeName}.${fieldName}`);
    }
  }
  return missing;
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export { isNational };
