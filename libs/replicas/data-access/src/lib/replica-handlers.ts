import type { EntityManager } from 'typeorm';
import { eventHandler, type EventHandler } from '@nets/shared/data-access-kafka';
import { organisationsTopic, type OrganisationSnapshot } from '@nets/provider-assessment/contract-events';
import { surveyTopic } from '@nets/survey/contract-events';

async function upsertOrganisation(manager: EntityManager, organisation: OrganisationSnapshot): Promise<void> {
  const { sites, ...snapshot } = organisation;
  await manager.query(
    `INSERT INTO organisation_replica (id, organisation, sites, updated_at) VALUES ($1, $2::jsonb, $3::jsonb, now())
     ON CONFLICT (id) DO UPDATE SET organisation = EXCLUDED.organisation, sites = EXCLUDED.sites, updated_at = now()`,
    [organisation.id, JSON.stringify(snapshot), JSON.stringify(sites)],
  );
}

/** Keeps `organisation_replica` equal to the registry: every event carries the whole organisation. */
export const organisationReplicaHandler: EventHandler = eventHandler(
  organisationsTopic,
  async (events, manager) => {
    for (const event of events) {
      await upsertOrganisation(manager, event.data.organisation);
      if (event.type === 'nets.organisation.merged.v1')
        await upsertOrganisation(manager, event.data.successor);
    }
  },
);

/** Keeps published questionnaires and the open cycle from the survey service's events. */
export const surveyReplicaHandler: EventHandler = eventHandler(surveyTopic, async (events, manager) => {
  for (const event of events) {
    switch (event.type) {
      case 'nets.survey.questionnaire-published.v1':
        await manager.query(
          `INSERT INTO questionnaire_replica (id, year, version, published) VALUES ($1, $2, $3, $4::jsonb)
           ON CONFLICT (id) DO NOTHING`,
          [event.data.questionnaireId, event.data.year, event.data.version, JSON.stringify(event.data)],
        );
        break;
      case 'nets.survey.cycle-opened.v1':
        await manager.query(
          `INSERT INTO survey_cycle_replica (year, status, questionnaire_id, closes_at) VALUES ($1, 'OPEN', $2, $3)
           ON CONFLICT (year) DO UPDATE SET status = 'OPEN', questionnaire_id = EXCLUDED.questionnaire_id,
             closes_at = EXCLUDED.closes_at`,
          [event.data.year, event.data.questionnaireId, event.data.closesAt],
        );
        break;
      case 'nets.survey.cycle-closed.v1':
        await manager.query(
          `INSERT INTO survey_cycle_replica (year, status) VALUES ($1, 'CLOSED')
           ON CONFLICT (year) DO UPDATE SET status = 'CLOSED'`,
          [event.data.year],
        );
        break;
    }
  }
});
