import type { FastifyInstance } from 'fastify';
import type { Role } from '@nets/shared/auth';
import type { PortalDependencies } from '../portal-context';

/** A page of the header's navigation, shown only to the roles that may use it. */
export interface NavigationEntry {
  href: string;
  text: string;
  roles: readonly Role[];
}

/** One feature of the Reporting Tool: its routes, and its entry in the navigation if it has one. */
export interface StaffFeature {
  name: string;
  navigation?: NavigationEntry;
  register(app: FastifyInstance, deps: PortalDependencies): void;
}
