export * from './lib/provider-assessment-service';
export * from './lib/provider-assessment-context';
export { parseOrganisationCsv, CSV_COLUMNS } from './lib/domain/organisation-csv';
export { ODS_CODE_RULES, odsCodeProblem, siteCodeProblem } from './lib/domain/ods-code.rules';
