import {
  learnerGroupOffer,
  selectLearnerGroup,
  shownLearnerGroup,
  type GroupedComment,
} from './comment-filter.rules';

/** `learners` learners of `group`, each with `each` comments. */
function comments(group: string, learners: number, each = 1): GroupedComment[] {
  return Array.from({ length: learners * each }, (_, i) => ({
    respondent: `${group}-${Math.floor(i / each)}`,
    learnerGroup: group,
  }));
}

describe('learnerGroupOffer', () => {
  it('offers every group of at least 3 learners when the others are too', () => {
    const offer = learnerGroupOffer([...comments('NURSING', 5), ...comments('MEDICAL', 3)]);
    expect(offer).toEqual({ learnerGroups: ['MEDICAL', 'NURSING'], withheldReason: null });
  });

  it('counts learners, not comments: 2 learners with many comments are not a group of 3', () => {
    const offer = learnerGroupOffer([
      ...comments('NURSING', 5),
      ...comments('MEDICAL', 2, 4),
      ...comments('AHP', 3),
    ]);
    // MEDICAL (2 learners) is not named; alone it would be isolated by differencing, so AHP joins it.
    expect(offer.learnerGroups).toEqual(['NURSING']);
    expect(offer.withheldReason).toMatch(/fewer than 3/);
  });

  it('withdraws the smallest offered group while the rest would be 1 or 2 learners', () => {
    // All minus NURSING minus MEDICAL would be PHARMACY's 2 learners: MEDICAL (the smaller) is withdrawn.
    const offer = learnerGroupOffer([
      ...comments('NURSING', 6),
      ...comments('MEDICAL', 3),
      ...comments('PHARMACY', 2),
    ]);
    expect(offer.learnerGroups).toEqual(['NURSING']);
  });

  it('keeps a group whose rest is already 3 or more', () => {
    const offer = learnerGroupOffer([
      ...comments('NURSING', 6),
      ...comments('MEDICAL', 3),
      ...comments('PHARMACY', 2),
      ...comments('DENTAL', 1),
    ]);
    expect(offer.learnerGroups).toEqual(['MEDICAL', 'NURSING']);
  });

  it('offers nothing when one group wrote every comment (its complement is empty)', () => {
    expect(learnerGroupOffer(comments('NURSING', 12))).toEqual({
      learnerGroups: [],
      withheldReason: expect.stringMatching(/cannot be filtered/),
    });
  });

  it('offers nothing when the withdrawals use up every group', () => {
    const offer = learnerGroupOffer([...comments('NURSING', 3), ...comments('MEDICAL', 1)]);
    expect(offer.learnerGroups).toEqual([]);
  });

  it('offers nothing, and says nothing, without comments', () => {
    expect(learnerGroupOffer([])).toEqual({ learnerGroups: [], withheldReason: null });
  });

  it('never lets a difference of the offer isolate 1 or 2 learners (exhaustive over small organisations)', () => {
    const groups = ['A', 'B', 'C', 'D'];
    const sizes = [0, 1, 2, 3, 4, 5];
    for (const a of sizes)
      for (const b of sizes)
        for (const c of sizes)
          for (const d of sizes) {
            const counts = [a, b, c, d];
            const all = groups.flatMap((group, i) => comments(group, counts[i]));
            const offer = learnerGroupOffer(all);
            const total = counts.reduce((sum, n) => sum + n, 0);
            const offered = groups.map((g, i) => (offer.learnerGroups.includes(g) ? counts[i] : 0));
            const rest = total - offered.reduce((sum, n) => sum + n, 0);
            // Nothing offered: the list is the organisation's, shown or withheld as a whole.
            if (offer.learnerGroups.length > 0) expect(rest === 0 || rest >= 3).toBe(true);
            for (const n of offered.filter((n) => n > 0)) {
              expect(n).toBeGreaterThanOrEqual(3);
              expect(total - n).toBeGreaterThanOrEqual(3);
            }
          }
  });

  it('answers the same whatever the order of the comments', () => {
    const all = [...comments('NURSING', 4), ...comments('MEDICAL', 4), ...comments('AHP', 2)];
    expect(learnerGroupOffer([...all].reverse())).toEqual(learnerGroupOffer(all));
  });
});

describe('naming and selecting a learner group', () => {
  const all = [...comments('NURSING', 4), ...comments('MEDICAL', 3), ...comments('DENTAL', 1)];
  const offer = learnerGroupOffer([...all, ...comments('AHP', 2)]);

  it('names an offered group on its comments and no other', () => {
    expect(offer.learnerGroups).toEqual(['MEDICAL', 'NURSING']);
    expect(shownLearnerGroup({ respondent: 'x', learnerGroup: 'NURSING' }, offer)).toBe('NURSING');
    expect(shownLearnerGroup({ respondent: 'x', learnerGroup: 'DENTAL' }, offer)).toBeNull();
  });

  it("selects an offered group's comments", () => {
    const selection = selectLearnerGroup(all, offer, 'MEDICAL');
    expect(selection).toEqual({ shown: true, comments: comments('MEDICAL', 3) });
  });

  it('refuses a group not offered, and an unknown one, without a comment', () => {
    for (const group of ['DENTAL', 'AHP', 'NOT_A_GROUP', '']) {
      expect(selectLearnerGroup(all, offer, group)).toEqual({
        shown: false,
        reason: expect.stringMatching(/Withheld to protect small groups/),
      });
    }
  });
});
