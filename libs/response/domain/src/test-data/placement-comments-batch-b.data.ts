import type { LabelledComment } from '../lib/redaction/redaction-metrics';

/**
 * Batch B of the 2026-12 labelled comments (issue 13 item 6), the held-out batch: written before the rules for
 * ward codes, `<Place> General/Royal/DGH`, `the Royal <Place>`, `St <Name>'s`, trusts of several places joined
 * by `and` and floor/level locations changed, and committed before the redactor saw it. The rules of that change
 * were tuned on batch A and the older set; this batch was run once, at the end, for the honest estimate.
 *
 * Same labelling rules as `placement-comments.data.ts`, plus: a coded or named ward, unit or bay (`Ward 7B`,
 * `AMU 2`, `Elm ward`, `bay B`) and a department location (`3rd floor cardiology`, `level 7 renal`) are PLACE; a
 * hospital's nickname (`the Royal`) is PLACE without the article; a trust written as places joined by `and`
 * is ORGANISATION even without `Trust`. Generic places (`the ward`, `theatres`, `A&E`, `the GP practice`, `the
 * 4th floor`) and grades (`band 5`, `level 3 apprentice`, `year 2`) are not labelled.
 */
export const placementCommentsBatchB: readonly LabelledComment[] = [
  {
    id: 'b001',
    text: 'Ward 4D had a lovely team and my supervisor Priya always found time for reflection.',
    spans: [
      { start: 0, end: 7, type: 'PLACE', value: 'Ward 4D' },
      { start: 44, end: 49, type: 'NAME', value: 'Priya' },
    ],
  },
  {
    id: 'b002',
    text: 'I was placed on ward B2 which is acute elderly, very heavy but good learning.',
    spans: [{ start: 16, end: 23, type: 'PLACE', value: 'ward B2' }],
  },
  {
    id: 'b003',
    text: 'Oak ward staff made me feel welcome, shame about the rota.',
    spans: [{ start: 0, end: 8, type: 'PLACE', value: 'Oak ward' }],
  },
  {
    id: 'b004',
    text: 'Spent 6 weeks on SAU 1 and never once had a proper sign off meeting.',
    spans: [{ start: 17, end: 22, type: 'PLACE', value: 'SAU 1' }],
  },
  {
    id: 'b005',
    text: 'Aspen Unit is a mental health ward and the team were very supportive of students.',
    spans: [{ start: 0, end: 10, type: 'PLACE', value: 'Aspen Unit' }],
  },
  {
    id: 'b006',
    text: 'Doncaster General were really good at getting students into theatre.',
    spans: [{ start: 0, end: 17, type: 'PLACE', value: 'Doncaster General' }],
  },
  {
    id: 'b007',
    text: 'Had my paeds block at the Royal Alexandra, brilliant teaching from the registrars.',
    spans: [{ start: 26, end: 41, type: 'PLACE', value: 'Royal Alexandra' }],
  },
  {
    id: 'b008',
    text: 'Pontefract DGH felt understaffed every single shift.',
    spans: [{ start: 0, end: 14, type: 'PLACE', value: 'Pontefract DGH' }],
  },
  {
    id: 'b009',
    text: "I was at St Oswald's for my community placement and the district nurses were brilliant.",
    spans: [{ start: 9, end: 20, type: 'PLACE', value: "St Oswald's" }],
  },
  {
    id: 'b010',
    text: 'Cumbria and Lancashire Healthcare never replied to my emails about my DBS.',
    spans: [{ start: 0, end: 33, type: 'ORGANISATION', value: 'Cumbria and Lancashire Healthcare' }],
  },
  {
    id: 'b011',
    text: 'North Tees and Hartlepool NHS Foundation Trust had good facilities for students.',
    spans: [
      { start: 0, end: 46, type: 'ORGANISATION', value: 'North Tees and Hartlepool NHS Foundation Trust' },
    ],
  },
  {
    id: 'b012',
    text: 'I was on 4th floor respiratory for most of my placement, great exposure to NIV.',
    spans: [{ start: 9, end: 30, type: 'PLACE', value: '4th floor respiratory' }],
  },
  {
    id: 'b013',
    text: 'Level 6 haematology are a fantastic team but they need more supervisors.',
    spans: [{ start: 0, end: 19, type: 'PLACE', value: 'Level 6 haematology' }],
  },
  {
    id: 'b014',
    text: 'My first theatre placement was on the 1st floor theatres and it was very intimidating.',
    spans: [{ start: 38, end: 56, type: 'PLACE', value: '1st floor theatres' }],
  },
  {
    id: 'b015',
    text: 'The ward manager was supportive and I felt safe raising concerns.',
    spans: [],
  },
  {
    id: 'b016',
    text: 'Theatres was the best part of my ODP course so far.',
    spans: [],
  },
  {
    id: 'b017',
    text: 'Too many students in A&E at once, we were falling over each other.',
    spans: [],
  },
  {
    id: 'b018',
    text: 'The GP practice had no space for me to sit so I spent a lot of time in the waiting room.',
    spans: [],
  },
  {
    id: 'b019',
    text: 'As a level 5 apprentice I expected more support with my portfolio.',
    spans: [],
  },
  {
    id: 'b020',
    text: 'Band 6 nurses on nights were brilliant teachers.',
    spans: [],
  },
  {
    id: 'b021',
    text: 'I am a year 3 student nurse and this was my management placement.',
    spans: [],
  },
  {
    id: 'b022',
    text: 'Worked mostly on the general ward with elderly patients, lots of personal care.',
    spans: [],
  },
  {
    id: 'b023',
    text: 'My assessor Joanne Mercer on Sycamore ward signed off all my skills in the last week.',
    spans: [
      { start: 12, end: 25, type: 'NAME', value: 'Joanne Mercer' },
      { start: 29, end: 42, type: 'PLACE', value: 'Sycamore ward' },
    ],
  },
  {
    id: 'b024',
    text: 'Dr Nwosu at Rotherham General was the best clinical teacher I have met.',
    spans: [
      { start: 3, end: 8, type: 'NAME', value: 'Nwosu' },
      { start: 12, end: 29, type: 'PLACE', value: 'Rotherham General' },
    ],
  },
  {
    id: 'b025',
    text: 'Pre-reg pharmacist at the Royal Stanmoor. Ward pharmacy experience was excellent.',
    spans: [{ start: 26, end: 40, type: 'PLACE', value: 'Royal Stanmoor' }],
  },
  {
    id: 'b026',
    text: 'Wigan DGH is a good hospital for a first placement.',
    spans: [{ start: 0, end: 9, type: 'PLACE', value: 'Wigan DGH' }],
  },
  {
    id: 'b027',
    text: 'Ward 22C was short staffed and the students were left in charge of bays.',
    spans: [{ start: 0, end: 8, type: 'PLACE', value: 'Ward 22C' }],
  },
  {
    id: 'b028',
    text: 'I was allocated to bay 2 and had six patients to myself by week 2.',
    spans: [{ start: 19, end: 24, type: 'PLACE', value: 'bay 2' }],
  },
  {
    id: 'b029',
    text: 'Millbridge and Fenwick Hospitals NHS Trust need a better system for student lockers.',
    spans: [{ start: 0, end: 42, type: 'ORGANISATION', value: 'Millbridge and Fenwick Hospitals NHS Trust' }],
  },
  {
    id: 'b030',
    text: 'SLT placement on level 3 stroke, the therapists were amazing with dysphagia teaching.',
    spans: [{ start: 17, end: 31, type: 'PLACE', value: 'level 3 stroke' }],
  },
  {
    id: 'b031',
    text: 'Call me on 0113 496 0732 if you need more detail on what happened on ward 10.',
    spans: [
      { start: 11, end: 24, type: 'PHONE', value: '0113 496 0732' },
      { start: 69, end: 76, type: 'PLACE', value: 'ward 10' },
    ],
  },
  {
    id: 'b032',
    text: 'Student midwife at Ravensholme General. Community midwife Jasmine was superb.',
    spans: [
      { start: 19, end: 38, type: 'PLACE', value: 'Ravensholme General' },
      { start: 58, end: 65, type: 'NAME', value: 'Jasmine' },
    ],
  },
  {
    id: 'b033',
    text: 'Dental student - outreach clinic placement was well run but very few patients turned up.',
    spans: [],
  },
  {
    id: 'b034',
    text: 'The restorative clinic at the dental hospital had too many students for each chair.',
    spans: [],
  },
  {
    id: 'b035',
    text: 'Apprentice HCA, Mrs Kowalski on the day unit was really kind to me.',
    spans: [{ start: 20, end: 28, type: 'NAME', value: 'Kowalski' }],
  },
  {
    id: 'b036',
    text: 'the 3rd floor surgical team were great, always asking if I needed anything',
    spans: [{ start: 4, end: 22, type: 'PLACE', value: '3rd floor surgical' }],
  },
  {
    id: 'b037',
    text: 'I was on Beech 1 and learnt loads about diabetes management.',
    spans: [{ start: 9, end: 16, type: 'PLACE', value: 'Beech 1' }],
  },
  {
    id: 'b038',
    text: 'Harrowdale Royal Infirmary car parking is a nightmare for students.',
    spans: [{ start: 0, end: 26, type: 'PLACE', value: 'Harrowdale Royal Infirmary' }],
  },
  {
    id: 'b039',
    text: 'Placement at Wexcombe and District Hospital was good, the sisters were fair.',
    spans: [{ start: 13, end: 43, type: 'PLACE', value: 'Wexcombe and District Hospital' }],
  },
  {
    id: 'b040',
    text: 'Huge thanks to Tendai and Ruth on Poppy Ward for all their patience.',
    spans: [
      { start: 15, end: 21, type: 'NAME', value: 'Tendai' },
      { start: 26, end: 30, type: 'NAME', value: 'Ruth' },
      { start: 34, end: 44, type: 'PLACE', value: 'Poppy Ward' },
    ],
  },
  {
    id: 'b041',
    text: 'The placement handbook was out of date and had the wrong contact numbers.',
    spans: [],
  },
  {
    id: 'b042',
    text: 'Please email me at liam.oconnor@nhs.net about the incident.',
    spans: [{ start: 19, end: 39, type: 'EMAIL', value: 'liam.oconnor@nhs.net' }],
  },
  {
    id: 'b043',
    text: 'Paramedic placement with the crew out of Kelderton station, Dave and Shaz were legends.',
    spans: [
      { start: 41, end: 50, type: 'PLACE', value: 'Kelderton' },
      { start: 60, end: 64, type: 'NAME', value: 'Dave' },
      { start: 69, end: 73, type: 'NAME', value: 'Shaz' },
    ],
  },
  {
    id: 'b044',
    text: 'The level 3 car park is closed so students have to park off site.',
    spans: [],
  },
  {
    id: 'b045',
    text: 'The 5th floor has no toilets for staff, you have to go down two floors.',
    spans: [],
  },
  {
    id: 'b046',
    text: 'Anaesthetics placement at Grimsby Royal was brilliant, I intubated twice.',
    spans: [{ start: 26, end: 39, type: 'PLACE', value: 'Grimsby Royal' }],
  },
  {
    id: 'b047',
    text: 'TNA on Juniper Unit. Supervisors changed every week so no continuity.',
    spans: [{ start: 7, end: 19, type: 'PLACE', value: 'Juniper Unit' }],
  },
  {
    id: 'b048',
    text: 'Pharmacy technician student at Shrewsbury General, dispensary was well organised.',
    spans: [{ start: 31, end: 49, type: 'PLACE', value: 'Shrewsbury General' }],
  },
  {
    id: 'b049',
    text: 'Year 4 medic. Consultant on ward 8A, Mr Hussain, was rude to the nurses and students.',
    spans: [
      { start: 28, end: 35, type: 'PLACE', value: 'ward 8A' },
      { start: 40, end: 47, type: 'NAME', value: 'Hussain' },
    ],
  },
  {
    id: 'b050',
    text: 'NICU was intense but the nurses were patient and explained everything.',
    spans: [],
  },
  {
    id: 'b051',
    text: "A patient gave me their NHS number 545 056 0931 on a scrap of paper and I didn't know what to do with it.",
    spans: [{ start: 35, end: 47, type: 'NHS_NUMBER', value: '545 056 0931' }],
  },
  {
    id: 'b052',
    text: 'Diagnostic radiography student at Basildon DGH, plain film and fluoro were well organised.',
    spans: [{ start: 34, end: 46, type: 'PLACE', value: 'Basildon DGH' }],
  },
  {
    id: 'b053',
    text: 'I loved the teaching on the 6th floor seminar rooms every Wednesday.',
    spans: [],
  },
  {
    id: 'b054',
    text: 'Was asked to do the drug round for bay C alone in week one.',
    spans: [{ start: 35, end: 40, type: 'PLACE', value: 'bay C' }],
  },
  {
    id: 'b055',
    text: 'Audiology placement was great, the clinic ran on time and I saw lots of patients.',
    spans: [],
  },
  {
    id: 'b056',
    text: 'My supervisor on Hazel Ward was lovely but always on annual leave.',
    spans: [{ start: 17, end: 27, type: 'PLACE', value: 'Hazel Ward' }],
  },
  {
    id: 'b057',
    text: 'Occupational therapy at Brackenfield Community Hospital, great MDT.',
    spans: [{ start: 24, end: 55, type: 'PLACE', value: 'Brackenfield Community Hospital' }],
  },
  {
    id: 'b058',
    text: 'The General has no canteen open at weekends, which is hard on long days.',
    spans: [{ start: 4, end: 11, type: 'PLACE', value: 'General' }],
  },
  {
    id: 'b059',
    text: 'The lighting in the staff car park at Darlington Memorial is awful.',
    spans: [{ start: 38, end: 57, type: 'PLACE', value: 'Darlington Memorial' }],
  },
  {
    id: 'b060',
    text: 'Overall a positive placement, I would go back.',
    spans: [],
  },
  {
    id: 'b061',
    text: 'Community placement from Ashby Moor Health Centre, Sue and Gill were brilliant mentors.',
    spans: [
      { start: 25, end: 49, type: 'PLACE', value: 'Ashby Moor Health Centre' },
      { start: 51, end: 54, type: 'NAME', value: 'Sue' },
      { start: 59, end: 63, type: 'NAME', value: 'Gill' },
    ],
  },
  {
    id: 'b062',
    text: 'A nurse on Ward 41 told me I would never make it as a nurse.',
    spans: [{ start: 11, end: 18, type: 'PLACE', value: 'Ward 41' }],
  },
  {
    id: 'b063',
    text: 'Leeds and York Partnership NHS Foundation Trust mental health wards were good for learning.',
    spans: [
      { start: 0, end: 47, type: 'ORGANISATION', value: 'Leeds and York Partnership NHS Foundation Trust' },
    ],
  },
  {
    id: 'b064',
    text: 'My NMC PIN is 09I1234E if you need it for records.',
    spans: [{ start: 14, end: 22, type: 'REGISTRATION_NUMBER', value: '09I1234E' }],
  },
  {
    id: 'b065',
    text: "Second year children's nursing, the outreach team were great to shadow.",
    spans: [],
  },
  {
    id: 'b066',
    text: 'Placed at Hollins Park for my mental health placement, staff were welcoming.',
    spans: [{ start: 10, end: 22, type: 'PLACE', value: 'Hollins Park' }],
  },
  {
    id: 'b067',
    text: 'The nurses on ward 15 at Stanmoor General did everything they could to help.',
    spans: [
      { start: 14, end: 21, type: 'PLACE', value: 'ward 15' },
      { start: 25, end: 41, type: 'PLACE', value: 'Stanmoor General' },
    ],
  },
  {
    id: 'b068',
    text: 'The general surgery registrars were too busy for teaching.',
    spans: [],
  },
  {
    id: 'b069',
    text: 'I did not enjoy the general practice placement, too much sitting around.',
    spans: [],
  },
  {
    id: 'b070',
    text: 'Apprentice nursing associate. Placement at the Royal Fenwick was very well organised.',
    spans: [{ start: 47, end: 60, type: 'PLACE', value: 'Royal Fenwick' }],
  },
  {
    id: 'b071',
    text: 'ward 2a were so lovely, best placement ive had',
    spans: [{ start: 0, end: 7, type: 'PLACE', value: 'ward 2a' }],
  },
  {
    id: 'b072',
    text: 'Paeds on Kingfisher ward, I loved working with the play team.',
    spans: [{ start: 9, end: 24, type: 'PLACE', value: 'Kingfisher ward' }],
  },
  {
    id: 'b073',
    text: "My palliative placement at St Gemma's was life changing.",
    spans: [{ start: 27, end: 37, type: 'PLACE', value: "St Gemma's" }],
  },
  {
    id: 'b074',
    text: 'Mental health student - the crisis team were supportive and debriefed after every visit.',
    spans: [],
  },
  {
    id: 'b075',
    text: 'Scunthorpe General Hospital maternity unit had no midwife to supervise me on some shifts.',
    spans: [{ start: 0, end: 27, type: 'PLACE', value: 'Scunthorpe General Hospital' }],
  },
  {
    id: 'b076',
    text: 'Level 8 cardiology have a really strong teaching culture.',
    spans: [{ start: 0, end: 18, type: 'PLACE', value: 'Level 8 cardiology' }],
  },
  {
    id: 'b077',
    text: 'Parking at the hospital costs £9 a day which is too much on a student bursary.',
    spans: [],
  },
  {
    id: 'b078',
    text: 'Podiatry placement at the foot clinic, Mr Oyelaran was a great supervisor.',
    spans: [{ start: 42, end: 50, type: 'NAME', value: 'Oyelaran' }],
  },
  {
    id: 'b079',
    text: 'Dr Hannah Briggs at Millbridge Royal taught us every Friday without fail.',
    spans: [
      { start: 3, end: 16, type: 'NAME', value: 'Hannah Briggs' },
      { start: 20, end: 36, type: 'PLACE', value: 'Millbridge Royal' },
    ],
  },
  {
    id: 'b080',
    text: 'I was on the 7th floor HDU for two weeks which was brilliant.',
    spans: [{ start: 13, end: 26, type: 'PLACE', value: '7th floor HDU' }],
  },
  {
    id: 'b081',
    text: 'I was on Ward 9C at the Royal Kelderton and my supervisor Neil was supportive.',
    spans: [
      { start: 9, end: 16, type: 'PLACE', value: 'Ward 9C' },
      { start: 24, end: 39, type: 'PLACE', value: 'Royal Kelderton' },
      { start: 58, end: 62, type: 'NAME', value: 'Neil' },
    ],
  },
  {
    id: 'b082',
    text: 'The urgent treatment centre was a good place to practise minor injuries.',
    spans: [],
  },
  {
    id: 'b083',
    text: 'Dietetics placement with Barnet and Chase Farm Hospitals was well organised.',
    spans: [{ start: 25, end: 56, type: 'ORGANISATION', value: 'Barnet and Chase Farm Hospitals' }],
  },
  {
    id: 'b084',
    text: 'Date of birth 14.09.2001 was printed on my ID badge instead of my start date.',
    spans: [{ start: 14, end: 24, type: 'DATE_OF_BIRTH', value: '14.09.2001' }],
  },
  {
    id: 'b085',
    text: 'Supervisor Anjali Rao planned every week in advance, the best supervision I have had.',
    spans: [{ start: 11, end: 21, type: 'NAME', value: 'Anjali Rao' }],
  },
  {
    id: 'b086',
    text: 'I was placed on Ward A3 then moved to Ward F1 with no notice.',
    spans: [
      { start: 16, end: 23, type: 'PLACE', value: 'Ward A3' },
      { start: 38, end: 45, type: 'PLACE', value: 'Ward F1' },
    ],
  },
  {
    id: 'b087',
    text: 'Radiotherapy placement at the cancer centre was well structured.',
    spans: [],
  },
  {
    id: 'b088',
    text: 'The phlebotomy team on the ground floor outpatients were kind.',
    spans: [],
  },
  {
    id: 'b089',
    text: 'Worthing and Southlands Hospitals have a lovely student support team.',
    spans: [{ start: 0, end: 33, type: 'ORGANISATION', value: 'Worthing and Southlands Hospitals' }],
  },
  {
    id: 'b090',
    text: 'I felt unsupported at Chesterfield General, the student office was never staffed.',
    spans: [{ start: 22, end: 42, type: 'PLACE', value: 'Chesterfield General' }],
  },
];
