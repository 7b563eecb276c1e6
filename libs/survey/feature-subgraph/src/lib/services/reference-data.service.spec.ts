import type { ReferenceDataRepository } from '@nets/survey/data-access';
import { ReferenceDataService } from './reference-data.service';

describe('published figures', () => {
  const service = new ReferenceDataService({} as ReferenceDataRepository);

  it("gives a measure's published national figures, oldest first, only for the years stated", () => {
    expect(service.publishedFigures('overall-experience')).toEqual([
      { measureKey: 'overall-experience', year: 2023, percent: 85 },
      { measureKey: 'overall-experience', year: 2024, percent: 87 },
    ]);
    expect(service.publishedFigures('no-such-measure')).toEqual([]);
  });

  it("gives a year's published shares of the top reasons", () => {
    expect(service.publishedReasonShares(2024)).toHaveLength(10);
    expect(service.publishedReasonShares(2021)).toEqual([]);
  });
});
