import {
  NHS_REGIONS,
  ORGANISATION_KINDS,
  ORGANISATION_ROLES,
  type NhsRegion,
  type OrganisationKind,
  type OrganisationRole,
} from '@nets/provider-assessment/contract-events';
import { normaliseCode } from './ods-code.rules';
import { SPACES, normaliseDraft, organisationProblems, type OrganisationDraft } from './organisation.rules';

export const CSV_COLUMNS = ['code', 'name', 'kind', 'roles', 'region', 'parent_code'] as const;

export interface CsvRejection {
  line: number;
  code: string | null;
  reasons: string[];
}

export interface ParsedOrganisation {
  line: number;
  draft: OrganisationDraft;
  /** Line of each site row, in the draft's site order. */
  siteLines: number[];
}

export interface ParsedCsv {
  organisations: ParsedOrganisation[];
  rejections: CsvRejection[];
}

/** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks. Returns each record's first line. */
export function parseCsvRecords(text: string): Array<{ line: number; fields: string[] }> {
  const records: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0].trim() === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += c;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

const token = (value: string) =>
  value
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');

/**
 * Reads an ODS-style extract: organisation rows, and site rows whose parent_code names an organisation
 * of the same file. Every row that cannot be imported is reported with all its reasons; an organisation
 * with a rejected site is rejected as a whole, so nothing is half-imported.
 */
export function parseOrganisationCsv(text: string): ParsedCsv {
  const records = parseCsvRecords(text.replace(/^\uFEFF/, ''));
  const rejections: CsvRejection[] = [];
  const header = records.shift();
  const columns = header?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  const missing = CSV_COLUMNS.filter((column) => !columns.includes(column));
  if (!header || missing.length > 0) {
    return {
      organisations: [],
      rejections: [
        {
          line: 1,
          code: null,
          reasons: [
            `The header must name the columns ${CSV_COLUMNS.join(', ')}; missing ${missing.join(', ')}.`,
          ],
        },
      ],
    };
  }
  const at = (fields: string[], column: (typeof CSV_COLUMNS)[number]) =>
    (fields[columns.indexOf(column)] ?? '').trim();

  const organisations = new Map<string, ParsedOrganisation & { reasons: string[] }>();
  const siteRows: Array<{ line: number; code: string; name: string; parent: string }> = [];
  const codesSeen = new Map<string, number>();
  for (const { line, fields } of records) {
    const code = normaliseCode(at(fields, 'code'));
    const reasons: string[] = [];
    if (fields.length !== columns.length)
      reasons.push(`Expected ${columns.length} fields, found ${fields.length}.`);
    if (code === '') reasons.push('The code is empty.');
    const earlier = codesSeen.get(code);
    if (code !== '' && earlier !== undefined) reasons.push(`The code ${code} is already on line ${earlier}.`);
    if (code !== '' && earlier === undefined) codesSeen.set(code, line);
    const parent = normaliseCode(at(fields, 'parent_code'));
    if (parent !== '') {
      if (reasons.length > 0) rejections.push({ line, code: code || null, reasons });
      else siteRows.push({ line, code, name: at(fields, 'name'), parent });
      continue;
    }
    const kind = token(at(fields, 'kind'));
    const region = token(at(fields, 'region'));
    const roles = at(fields, 'roles')
      .split(/[;|]/)
      .map(token)
      .filter((role) => role !== '');
    if (!ORGANISATION_KINDS.includes(kind as OrganisationKind)) {
      reasons.push(`Unknown kind '${at(fields, 'kind')}' (one of ${ORGANISATION_KINDS.join(', ')}).`);
    }
    if (!NHS_REGIONS.includes(region as NhsRegion)) {
      reasons.push(`Unknown region '${at(fields, 'region')}' (one of ${NHS_REGIONS.join(', ')}).`);
    }
    const unknownRoles = roles.filter((role) => !ORGANISATION_ROLES.includes(role as OrganisationRole));
    if (unknownRoles.length > 0) reasons.push(`Unknown roles ${unknownRoles.join(', ')}.`);
    const draft = normaliseDraft({
      odsCode: code,
      name: at(fields, 'name'),
      kind: kind as OrganisationKind,
      roles: roles as OrganisationRole[],
      region: region as NhsRegion,
      sites: [],
    });
    if (reasons.length === 0) reasons.push(...organisationProblems(draft).map((p) => p.message));
    if (reasons.length > 0 && earlier !== undefined) {
      rejections.push({ line, code, reasons });
      continue;
    }
    organisations.set(code, { line, draft, siteLines: [], reasons });
  }
  for (const site of siteRows) {
    const parent = organisations.get(site.parent);
    if (!parent) {
      rejections.push({
        line: site.line,
        code: site.code,
        reasons: [`Its parent ${site.parent} is not an organisation row of this file.`],
      });
      continue;
    }
    parent.draft.sites.push({ code: site.code, name: site.name.replace(SPACES, ' ') });
    parent.siteLines.push(site.line);
  }
  const accepted: ParsedOrganisation[] = [];
  const byLine = new Map<number, CsvRejection>();
  const reject = (line: number, code: string | null, reason: string) => {
    const existing = byLine.get(line);
    if (existing) existing.reasons.push(reason);
    else byLine.set(line, { line, code, reasons: [reason] });
  };
  for (const organisation of organisations.values()) {
    const { draft, siteLines } = organisation;
    const siteProblems = organisationProblems(draft).filter((p) => p.path?.startsWith('sites['));
    for (const problem of siteProblems) {
      const index = Number(/^sites\[(\d+)\]/.exec(problem.path ?? '')?.[1]);
      reject(siteLines[index], draft.sites[index].code, problem.message);
    }
    const reasons = [...organisation.reasons];
    if (siteProblems.length > 0) reasons.push('One of its sites was rejected.');
    if (reasons.length === 0) {
      accepted.push({ line: organisation.line, draft, siteLines });
      continue;
    }
    reasons.forEach((reason) => reject(organisation.line, draft.odsCode, reason));
    draft.sites.forEach((site, index) => {
      if (!byLine.has(siteLines[index])) {
        reject(
          siteLines[index],
          site.code,
          `Its organisation ${draft.odsCode} (line ${organisation.line}) was rejected.`,
        );
      }
    });
  }
  rejections.push(...byLine.values());
  rejections.sort((a, b) => a.line - b.line);
  return { organisations: accepted, rejections };
}
