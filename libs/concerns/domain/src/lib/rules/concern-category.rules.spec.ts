import { categoryFromLearnerText, categoryFromMeasure, categoryFromStandard } from './concern-category.rules';

describe('concern categories', () => {
  it('is patient safety unless the text says otherwise', () => {
    expect(categoryFromLearnerText('Medication was given without checks on the ward')).toBe('PATIENT_SAFETY');
    expect(categoryFromLearnerText('The registrar bullied me in front of patients')).toBe(
      'BULLYING_AND_HARASSMENT',
    );
    expect(categoryFromLearnerText('A consultant made sexual comments to students')).toBe('SEXUAL_SAFETY');
    expect(categoryFromLearnerText('Racist remarks from staff every shift')).toBe('DISCRIMINATION');
    expect(categoryFromLearnerText('I was left unsupervised on nights')).toBe('SUPERVISION');
    expect(categoryFromLearnerText('Patients are at risk because I was bullied into silence')).toBe(
      'PATIENT_SAFETY',
    );
  });

  it('maps measures and standards', () => {
    expect(categoryFromMeasure('bullying-harassment')).toBe('BULLYING_AND_HARASSMENT');
    expect(categoryFromMeasure('overall-experience')).toBe('OTHER');
    expect(categoryFromStandard('4.2')).toBe('SUPERVISION');
    expect(categoryFromStandard('9.9')).toBe('OTHER');
  });
});
