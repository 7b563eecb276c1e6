import { homeFeature } from './home/home.routes';
import { measureExplorerFeature } from './measure-explorer/measure-explorer.routes';
import { nationalOverviewFeature } from './national-overview/national-overview.routes';
import type { StaffFeature } from './staff-feature';

/** Every feature of the portal, in the order of the header's navigation. A new feature adds itself here. */
export const FEATURES: readonly StaffFeature[] = [
  homeFeature,
  nationalOverviewFeature,
  measureExplorerFeature,
];
