import DataLoader from 'dataloader';
import type { RequestContext } from '@nets/shared/graphql-server';
import type {
  ConcernActionRecord,
  ConcernRecord,
  IsfLevelRecord,
  RegulatorShareRecord,
  TimelineEntryRecord,
} from '@nets/concerns/domain';
import type { ConcernActionPlanService } from './services/concern-action-plan.service';
import type { ConcernClosureService } from './services/concern-closure.service';
import type { ConcernCommunicationService } from './services/concern-communication.service';
import type { ConcernQueryService } from './services/concern-query.service';
import type { ConcernRaisingService } from './services/concern-raising.service';
import type { ConcernTriageService } from './services/concern-triage.service';
import type { IsfConfigService } from './services/isf-config.service';
import type { NotificationSettingsService } from './notifications/notification-settings.service';

export interface ConcernsServices {
  raising: ConcernRaisingService;
  triage: ConcernTriageService;
  actionPlans: ConcernActionPlanService;
  closure: ConcernClosureService;
  communication: ConcernCommunicationService;
  queries: ConcernQueryService;
  isfConfig: IsfConfigService;
  notifications: NotificationSettingsService;
}

/** Per-request batching: one query per batch of concern ids, whatever path asked for them. */
export interface ConcernsLoaders {
  /** Already scoped to the caller: a concern outside their scope loads as undefined. */
  concernById: DataLoader<string, ConcernRecord | undefined>;
  timeline: DataLoader<string, TimelineEntryRecord[]>;
  actions: DataLoader<string, ConcernActionRecord[]>;
  shares: DataLoader<string, RegulatorShareRecord[]>;
  isfVersion: DataLoader<number, IsfLevelRecord[]>;
}

export interface ConcernsContext extends RequestContext {
  services: ConcernsServices;
  loaders: ConcernsLoaders;
}

export function createConcernsContext(base: RequestContext, services: ConcernsServices): ConcernsContext {
  const { queries } = services;
  return {
    ...base,
    services,
    loaders: {
      concernById: new DataLoader((ids) => queries.byIds(ids, base.identity)),
      timeline: new DataLoader((ids) => queries.timelines(ids)),
      actions: new DataLoader((ids) => queries.actions(ids)),
      shares: new DataLoader((ids) => queries.shares(ids)),
      isfVersion: new DataLoader((versions) => Promise.all(versions.map((v) => queries.isfLevels(v)))),
    },
  };
}
