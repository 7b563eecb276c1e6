import { REGION_NAMES, REGIONS, type Region } from '@nets/shared/auth';

export const isRegion = (value: string): value is Region => (REGIONS as readonly string[]).includes(value);

/** A result's or an organisation's region in words; no region is England as a whole. */
export const regionName = (region: Region | null | undefined): string =>
  region ? REGION_NAMES[region] : 'England';
