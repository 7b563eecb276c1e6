/**
 * Filtering an organisation's comments by learner group (issue 17) without letting a small group's comments be
 * singled out (DESIGN §5: n >= 3, and no combination of queries may reveal fewer).
 *
 * The rule is counted over the organisation's RELEASED comments of the cycle (what a provider reads), in learners
 * (responses), not comments, since one learner may write several:
 * - a group is offered (as a filter, and named on its comments) only when at least 3 learners of it commented;
 * - the learners of the groups not offered, taken together, are none or at least 3, so "every comment minus the
 *   offered groups' comments" never isolates 1 or 2 learners: while they are 1 or 2, the smallest offered group
 *   is withdrawn and joins them;
 * - a group is offered only when the other groups' learners are at least 3 as well (its complement), so with
 *   one group left and nobody else nothing is offered at all (filtering would only say everyone is of it).
 * The quality team, which also reads comments still in review, sees the same offer; a group not offered is
 * refused (the answer is withheld), whoever asks.
 */
export const MIN_COMMENTERS_PER_GROUP = 3;

/** A comment with what the rule needs: who wrote it (a response id, never shown) and their learner group. */
export interface GroupedComment {
  respondent: string;
  learnerGroup: string;
}

export interface LearnerGroupOffer {
  /** Codes of the groups the comments may be filtered by and that are named on comments, sorted by code. */
  learnerGroups: string[];
  /** Why groups that commented are not offered (null when every one is, or when nobody commented). */
  withheldReason: string | null;
}

export type LearnerGroupSelection<T> = { shown: true; comments: T[] } | { shown: false; reason: string };

const WITHHELD_SOME =
  'Some learner groups cannot be chosen: fewer than 3 learners from them commented, or choosing them would ' +
  'single out fewer than 3 learners from the other groups.';
const WITHHELD_ALL =
  'These comments cannot be filtered by learner group: no group can be chosen without singling out fewer ' +
  'than 3 learners.';

/** Which learner groups an organisation's released comments of a cycle may be filtered by. */
export function learnerGroupOffer(released: readonly GroupedComment[]): LearnerGroupOffer {
  const learners = new Map<string, Set<string>>();
  for (const comment of released) {
    const group = learners.get(comment.learnerGroup) ?? new Set<string>();
    group.add(comment.respondent);
    learners.set(comment.learnerGroup, group);
  }
  const sizes = [...learners.entries()].map(([learnerGroup, set]) => ({ learnerGroup, size: set.size }));
  const total = sizes.reduce((sum, group) => sum + group.size, 0);
  // Smallest first (ties by code, so the answer never depends on the order of the rows).
  const offered = sizes
    .filter((group) => group.size >= MIN_COMMENTERS_PER_GROUP)
    .sort((a, b) => a.size - b.size || a.learnerGroup.localeCompare(b.learnerGroup));
  let rest = total - offered.reduce((sum, group) => sum + group.size, 0);
  while (offered.length > 0 && rest > 0 && rest < MIN_COMMENTERS_PER_GROUP) {
    rest += offered.shift()?.size ?? 0;
  }
  // Every offered group's complement (the others together) must hold 3 learners too.
  const safe = offered.every((group) => total - group.size >= MIN_COMMENTERS_PER_GROUP);
  const learnerGroups = safe ? offered.map((group) => group.learnerGroup).sort() : [];
  const withheldReason =
    learnerGroups.length === sizes.length || sizes.length === 0
      ? null
      : learnerGroups.length === 0
        ? WITHHELD_ALL
        : WITHHELD_SOME;
  return { learnerGroups, withheldReason };
}

/** A comment's learner group as it may be shown: only an offered group is named. */
export function shownLearnerGroup(comment: GroupedComment, offer: LearnerGroupOffer): string | null {
  return offer.learnerGroups.includes(comment.learnerGroup) ? comment.learnerGroup : null;
}

/** The comments of one learner group, or a refusal when the group is not offered (never a small group's comments). */
export function selectLearnerGroup<T extends GroupedComment>(
  comments: readonly T[],
  offer: LearnerGroupOffer,
  learnerGroup: string,
): LearnerGroupSelection<T> {
  if (!offer.learnerGroups.includes(learnerGroup)) {
    return {
      shown: false,
      reason:
        'Withheld to protect small groups: comments cannot be filtered by this learner group (fewer than 3 ' +
        'of its learners commented, or filtering by it would single out fewer than 3 others).',
    };
  }
  return { shown: true, comments: comments.filter((comment) => comment.learnerGroup === learnerGroup) };
}
