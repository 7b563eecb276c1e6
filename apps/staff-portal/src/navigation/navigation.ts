import type { Role } from '@nets/shared/auth';
import type { NavigationEntry } from '../features/staff-feature';

/** A link of nhsuk-frontend's header navigation. */
export interface NavigationItem {
  href: string;
  text: string;
  current?: boolean;
  active?: boolean;
}

const pathOf = (href: string) => new URL(href, 'http://portal').pathname;

/** The entries the role may use, the one for the page shown marked current (or active below it). */
export function navigationFor(
  entries: readonly NavigationEntry[],
  role: Role | undefined,
  currentPath: string,
): NavigationItem[] {
  if (!role) return [];
  return entries
    .filter((entry) => entry.roles.includes(role))
    .map((entry) => {
      const path = pathOf(entry.href);
      if (currentPath === path) return { href: entry.href, text: entry.text, current: true };
      if (currentPath.startsWith(`${path}/`)) return { href: entry.href, text: entry.text, active: true };
      return { href: entry.href, text: entry.text };
    });
}

/** Where a role starts: the first page of the navigation it may use. */
export function homeFor(entries: readonly NavigationEntry[], role: Role): string {
  return entries.find((entry) => entry.roles.includes(role))?.href ?? '/';
}
