import {
  gapsOf,
  parseDomainForm,
  parseSignOff,
  tasksOf,
  type Assessment,
  type QuestionSet,
} from './psa-form.view';

const QUESTIONS: QuestionSet = {
  year: 2026,
  domains: [
    {
      number: 1,
      title: 'Learning environment and culture',
      standards: [
        { standardCode: '1.1', title: 'Safe', prompt: '' },
        { standardCode: '1.2', title: 'Speak up', prompt: '' },
      ],
    },
  ],
  indicators: [{ indicator: 'EDI_LEAD', question: 'EDI lead?' }],
};

const answer = (code: string, rating: 'MET' | 'NOT_MET' | null, evidence: string | null) => ({
  standardCode: code,
  domainNumber: 1,
  title: code,
  rating,
  evidence,
  action: null,
});

const assessment = (standards: Assessment['standards'], answered: boolean | null): Assessment => ({
  id: 'a',
  year: 2026,
  status: 'DRAFT',
  locked: false,
  dueAt: '2027-02-05T00:00:00.000Z',
  late: false,
  submittedAt: null,
  submissionCount: 0,
  standards,
  indicators: [{ indicator: 'EDI_LEAD', question: 'EDI lead?', answer: answered }],
  signOff: null,
  reviews: [],
  reviewComments: null,
  updatedAt: '2026-12-01T00:00:00.000Z',
  version: 1,
});

describe('the self-assessment task list', () => {
  it('says which sections are not started, in progress or completed, and what still stops a submission', () => {
    expect(tasksOf('/s', QUESTIONS, null).map((t) => t.status)).toEqual(['Not started', 'Not started']);
    // 1.2 is not met without an action: in progress, and named as a gap.
    const started = assessment([answer('1.1', 'MET', 'Audit'), answer('1.2', 'NOT_MET', 'Survey')], true);
    expect(tasksOf('/s', QUESTIONS, started).map((t) => [t.status, t.hint])).toEqual([
      ['In progress', '1 of 2 standards answered'],
      ['Completed', '1 of 1 questions answered'],
    ]);
    expect(gapsOf('/s', QUESTIONS, started)).toEqual([
      {
        text: 'Domain 1: standard 1.2 needs a rating, evidence and, where not fully met, an action',
        href: '/s/domain/1',
      },
    ]);
    const done = assessment([answer('1.1', 'MET', 'Audit'), answer('1.2', 'MET', 'Survey')], false);
    expect(gapsOf('/s', QUESTIONS, done)).toEqual([]);
  });
});

describe('a domain page as the graph saves it', () => {
  const domain = QUESTIONS.domains[0];

  it('saves a draft with blanks, and an action only with its description, owner and a real due date', () => {
    expect(parseDomainForm(domain, { 's1-1-rating': 'MET' })).toEqual({
      standards: [
        { standardCode: '1.1', rating: 'MET', evidence: null, action: null },
        { standardCode: '1.2', rating: null, evidence: null, action: null },
      ],
      errors: [],
    });
    const begun = parseDomainForm(domain, {
      's1-2-action': 'Champions',
      's1-2-due-day': '31',
      's1-2-due-month': '2',
      's1-2-due-year': '2027',
    });
    expect(begun.errors).toEqual([
      { field: 's1-2-owner', message: 'Standard 1.2: enter who owns the action' },
      { field: 's1-2-due-day', message: 'Standard 1.2: the due date must be a real date' },
    ]);
    expect(parseDomainForm(domain, { 's1-1-rating': 'SORT_OF' }).errors).toEqual([
      { field: 's1-1-rating', message: 'Standard 1.1: choose met, partly met or not met' },
    ]);
  });

  it('needs the sign-off names on one line and the declaration', () => {
    expect(
      parseSignOff({ signOffName: 'Ada\nOkafor', signOffJobTitle: 'CNO' }).errors.map((e) => e.field),
    ).toEqual(['signOffName', 'declaration']);
    expect(
      parseSignOff({ signOffName: 'Ada Okafor', signOffJobTitle: 'CNO', declaration: 'confirmed' }).signOff,
    ).toEqual({ name: 'Ada Okafor', jobTitle: 'CNO' });
  });
});
