import type { RegistryNames } from '@nets/replicas/domain';
/** What a removed span was; each becomes the placeholder `[TYPE]` in the redacted text. */
export type RedactionType =
  | 'NAME'
  | 'PLACE'
  | 'ORGANISATION'
  | 'EMAIL'
  | 'PHONE'
  | 'NHS_NUMBER'
  | 'POSTCODE'
  | 'REGISTRATION_NUMBER'
  | 'DATE_OF_BIRTH';

export const redactionTypes: readonly RedactionType[] = [
  'NAME',
  'PLACE',
  'ORGANISATION',
  'EMAIL',
  'PHONE',
  'NHS_NUMBER',
  'POSTCODE',
  'REGISTRATION_NUMBER',
  'DATE_OF_BIRTH',
];

/**
 * The three kinds the figures are reported by: identifiers (contact details and numbers), people's names, and
 * places (sites, wards, departments, towns, and organisations such as trusts).
 */
export type RedactionKind = 'identifier' | 'name' | 'place';

export function redactionKindOf(type: RedactionType): RedactionKind {
  if (type === 'NAME') {
    return 'name';
  }
  return type === 'PLACE' || type === 'ORGANISATION' ? 'place' : 'identifier';
}

/** A removed span, in UTF-16 offsets of the original text; `source` names the layer(s) that found it. */
export interface RedactionSpan {
  start: number;
  end: number;
  type: RedactionType;
  source: string;
}

export interface RedactionResult {
  /** The text with every span replaced by its placeholder. */
  text: string;
  /** Merged, non-overlapping, in order, on the original text. */
  spans: RedactionSpan[];
  /** True when the regional quality team must read the comment before any provider sees it. */
  needsReview: boolean;
  reviewReasons: string[];
}

/** Names from the organisation registry, passed in at runtime. */

export type { RegistryNames };

export interface Redactor {
  redact(text: string): RedactionResult;
}

/**
 * How sure a layer is. `guess` spans are still removed (over-redaction is the safe side) but put the comment
 * in the review queue.
 */
export type Confidence = 'certain' | 'guess';

/** What a layer proposes before spans are merged. */
export interface Candidate {
  start: number;
  end: number;
  type: RedactionType;
  source: string;
  confidence: Confidence;
  /** Set when the layer wants a person to look at the comment even if the span is right. */
  reviewReason?: string;
}
