import { chosenYear, dashboardHref, isUuid, queryText, yearOptions } from './dashboard-address';

describe("a dashboard's address", () => {
  it('shows the latest released year unless the address names another released one', () => {
    expect(chosenYear({}, [2019, 2024, 2020])).toEqual({ year: 2024, errors: [] });
    expect(chosenYear({ year: '2020' }, [2019, 2024, 2020])).toEqual({ year: 2020, errors: [] });
    expect(chosenYear({}, [])).toEqual({ year: null, errors: [] });
  });

  it('names a year that is not released, and shows the latest instead', () => {
    expect(chosenYear({ year: '2025' }, [2023, 2024])).toEqual({
      year: 2024,
      errors: [{ field: 'year', message: 'Choose a year whose results are released' }],
    });
    expect(chosenYear({ year: 'last' }, [2024]).errors).toHaveLength(1);
  });

  it('offers the released years newest first, the shown one selected', () => {
    expect(yearOptions([2022, 2024, 2023], 2023)).toEqual([
      { value: '2024', text: '2024', selected: false },
      { value: '2023', text: '2023', selected: true },
      { value: '2022', text: '2022', selected: false },
    ]);
  });

  it('is built with the filters that make it the same view again', () => {
    const id = '11111111-1111-4111-8111-111111111111';
    expect(dashboardHref(id)).toBe(`/provider-dashboard/${id}`);
    expect(dashboardHref(id, { year: 2024, measure: 'supervision-quality', print: true })).toBe(
      `/provider-dashboard/${id}/print?year=2024&measure=supervision-quality`,
    );
  });

  it('reads one trimmed value of a query parameter, and only UUIDs as ids', () => {
    expect(queryText({ q: ['  first ', 'second'] }, 'q')).toBe('first');
    expect(queryText({ q: 3 }, 'q')).toBe('');
    expect(isUuid('11111111-1111-4111-8111-111111111111')).toBe(true);
    expect(isUuid('R2S')).toBe(false);
  });
});
