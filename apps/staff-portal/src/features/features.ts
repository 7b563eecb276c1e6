import { homeFeature } from './home/home.routes';
import { measureExplorerFeature } from './measure-explorer/measure-explorer.routes';
import { nationalOverviewFeature } from './national-overview/national-overview.routes';
import { commentsFeature } from './comments/comments.routes';
import { providerDashboardFeature } from './provider-dashboard/provider-dashboard.routes';
import { psaSummaryFeature } from './psa-summary/psa-summary.routes';
import { qualityFlagsFeature } from './quality-flags/quality-flags.routes';
import { concernsFeature } from './concerns/concerns.routes';
import { psaAssessmentFeature } from './psa-assessment/psa-assessment.routes';
import { psaReviewFeature } from './psa-review/psa-review.routes';
import { administrationFeature } from './administration/administration.routes';
import type { StaffFeature } from './staff-feature';

/** Every feature of the portal, in the order of the header's navigation. A new feature adds itself here. */
export const FEATURES: readonly StaffFeature[] = [
  homeFeature,
  nationalOverviewFeature,
  measureExplorerFeature,
  providerDashboardFeature,
  qualityFlagsFeature,
  concernsFeature,
  commentsFeature,
  psaSummaryFeature,
  psaAssessmentFeature,
  psaReviewFeature,
  administrationFeature,
];
