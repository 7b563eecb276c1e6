// Region names have one home, beside REGIONS in @nets/shared/auth; kept here for the pages that import it.
export { REGION_NAMES } from '@nets/shared/auth';
