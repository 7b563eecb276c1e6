import type { Role } from '@nets/shared/auth';

/** DESIGN.md §2: who reads what. The graph enforces it; the portal only hides what would be refused. */
export const NATIONAL_ROLES: readonly Role[] = ['NATIONAL_ANALYST', 'ADMIN'];
export const REGIONAL_ROLES: readonly Role[] = ['QUALITY_TEAM'];
export const ORGANISATION_ROLES: readonly Role[] = ['PROVIDER_USER', 'EDUCATION_PROVIDER_USER'];
export const EVERY_ROLE: readonly Role[] = [...NATIONAL_ROLES, ...REGIONAL_ROLES, ...ORGANISATION_ROLES];
