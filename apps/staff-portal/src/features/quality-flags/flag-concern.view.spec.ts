import { concernView } from './flag-concern.view';

describe('the concern a flag opened', () => {
  it('reads in words, with its timeline by day and a link to the dashboard', () => {
    const view = concernView({
      id: 'c-1',
      reference: 'C-2025-000001',
      status: 'ACTION_PLAN_AGREED',
      source: 'ANALYTICS_PERSISTENT_RED_FLAG',
      category: 'EDUCATION_DELIVERY',
      description:
        'NETS 2024: RED outlier on supervision-quality (40% positive from 20 respondents; benchmark 84%).',
      raisedAt: '2025-03-01T00:00:00.000Z',
      updatedAt: '2025-03-04T10:00:00.000Z',
      isfReviewProposed: true,
      standardsAtRisk: [],
      organisation: {
        id: '11111111-1111-4111-8111-111111111111',
        name: 'Penmouth Hospitals NHS Trust',
        odsCode: 'R2S',
      },
      timeline: [
        {
          id: 't-1',
          at: '2025-03-01T00:00:00.000Z',
          what: 'Triage candidate opened from an analytics RED flag',
        },
      ],
    });
    const value = (key: string) => view.rows.find((row) => row.key.text === key)?.value.text;
    expect(value('Status')).toBe('Action plan agreed');
    expect(value('Opened from')).toBe('A persistent red flag in the NETS results');
    expect(value('Category')).toBe('Education delivery');
    expect(value('Standards at risk')).toBe('None named yet');
    expect(value('Intensive Support Framework review')).toBe('Proposed: the flag is persistent');
    expect(value('Raised')).toBe('1 March 2025');
    expect(view.timeline).toEqual([
      { id: 't-1', at: '1 March 2025', what: 'Triage candidate opened from an analytics RED flag' },
    ]);
    expect(view.dashboardHref).toBe('/provider-dashboard/11111111-1111-4111-8111-111111111111');
  });
});
