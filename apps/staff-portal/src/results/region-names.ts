import type { Region } from '@nets/shared/auth';

export const REGION_NAMES: Readonly<Record<Region, string>> = {
  LONDON: 'London',
  SOUTH_EAST: 'South East',
  SOUTH_WEST: 'South West',
  MIDLANDS: 'Midlands',
  EAST_OF_ENGLAND: 'East of England',
  NORTH_EAST_AND_YORKSHIRE: 'North East and Yorkshire',
  NORTH_WEST: 'North West',
};
