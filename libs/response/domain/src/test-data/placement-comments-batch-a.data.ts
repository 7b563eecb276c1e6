import type { LabelledComment } from '../lib/redaction/redaction-metrics';

/**
 * Batch A of the 2026-12 labelled comments (issue 13 item 6), the tuning batch: written before the rules for
 * ward codes, `<Place> General/Royal/DGH`, `the Royal <Place>`, `St <Name>'s`, trusts of several places joined
 * by `and` and floor/level locations changed, and committed before the redactor saw it. The rules of that change
 * were tuned on this batch and the older set; batch B (`placement-comments-batch-b.data.ts`) was not looked at.
 *
 * Same labelling rules as `placement-comments.data.ts`, plus: a coded or named ward, unit or bay (`Ward 7B`,
 * `AMU 2`, `Elm ward`, `bay B`) and a department location (`3rd floor cardiology`, `level 7 renal`) are PLACE; a
 * hospital's nickname (`the Royal`) is PLACE without the article; a trust written as places joined by `and`
 * is ORGANISATION even without `Trust`. Generic places (`the ward`, `theatres`, `A&E`, `the GP practice`, `the
 * 4th floor`) and grades (`band 5`, `level 3 apprentice`, `year 2`) are not labelled.
 */
export const placementCommentsBatchA: readonly LabelledComment[] = [
  {
    id: 'a001',
    text: 'Ward 7B was the best placement I have had, the HCAs really looked out for students.',
    spans: [{ start: 0, end: 7, type: 'PLACE', value: 'Ward 7B' }],
  },
  {
    id: 'a002',
    text: 'I was on ward C4 for ten weeks and only worked with my practice supervisor three times.',
    spans: [{ start: 9, end: 16, type: 'PLACE', value: 'ward C4' }],
  },
  {
    id: 'a003',
    text: 'Elm ward is a great learning environment, lots of complex patients and the sister is very approachable.',
    spans: [{ start: 0, end: 8, type: 'PLACE', value: 'Elm ward' }],
  },
  {
    id: 'a004',
    text: 'Started on AMU 2 and moved to the stroke unit half way through, nobody told the university.',
    spans: [{ start: 11, end: 16, type: 'PLACE', value: 'AMU 2' }],
  },
  {
    id: 'a005',
    text: 'The team on Cedar Unit were welcoming and I got to sit in on ward rounds every day.',
    spans: [{ start: 12, end: 22, type: 'PLACE', value: 'Cedar Unit' }],
  },
  {
    id: 'a006',
    text: 'Barnsley General was busy but well organised, the education team met us on day one.',
    spans: [{ start: 0, end: 16, type: 'PLACE', value: 'Barnsley General' }],
  },
  {
    id: 'a007',
    text: 'I did my community midwifery weeks out of the Royal Berkshire and the caseload was huge.',
    spans: [{ start: 46, end: 61, type: 'PLACE', value: 'Royal Berkshire' }],
  },
  {
    id: 'a008',
    text: 'Kettering DGH is a friendly place to train, consultants know your name by week two.',
    spans: [{ start: 0, end: 13, type: 'PLACE', value: 'Kettering DGH' }],
  },
  {
    id: 'a009',
    text: "My elective was at St Elsewhere's and honestly it was the most disorganised place I've been.",
    spans: [{ start: 19, end: 33, type: 'PLACE', value: "St Elsewhere's" }],
  },
  {
    id: 'a010',
    text: 'Surrey and Sussex Healthcare NHS Trust should sort out parking for students, we pay full price.',
    spans: [{ start: 0, end: 38, type: 'ORGANISATION', value: 'Surrey and Sussex Healthcare NHS Trust' }],
  },
  {
    id: 'a011',
    text: 'The induction at Mid Yorkshire and Wakefield was a whole day of mandatory training videos.',
    spans: [{ start: 17, end: 44, type: 'ORGANISATION', value: 'Mid Yorkshire and Wakefield' }],
  },
  {
    id: 'a012',
    text: 'I spent my time on the 3rd floor cardiology ward and learnt a lot about heart failure.',
    spans: [{ start: 23, end: 43, type: 'PLACE', value: '3rd floor cardiology' }],
  },
  {
    id: 'a013',
    text: 'Level 5 oncology have a brilliant chemo nurse who teaches students every Thursday.',
    spans: [{ start: 0, end: 16, type: 'PLACE', value: 'Level 5 oncology' }],
  },
  {
    id: 'a014',
    text: 'We were sent to the 2nd floor theatres without scrubs in our size, had to borrow some.',
    spans: [{ start: 20, end: 38, type: 'PLACE', value: '2nd floor theatres' }],
  },
  {
    id: 'a015',
    text: 'The ward was really busy but everyone made time to teach. Good placement overall.',
    spans: [],
  },
  {
    id: 'a016',
    text: 'Theatres were a brilliant learning experience for an ODP student, lots of hands on.',
    spans: [],
  },
  {
    id: 'a017',
    text: 'A&E was manic most shifts. I felt like an extra pair of hands rather than a learner.',
    spans: [],
  },
  {
    id: 'a018',
    text: 'The GP practice was lovely, I sat in with the practice nurse for baby immunisations.',
    spans: [],
  },
  {
    id: 'a019',
    text: 'I am a level 3 apprentice and my assessor never came out to see me on placement.',
    spans: [],
  },
  {
    id: 'a020',
    text: 'Band 5 nurses on the general ward were stretched thin, students often left with the HCAs.',
    spans: [],
  },
  {
    id: 'a021',
    text: 'Year 2 student here. Honestly a royal pain getting my hours signed off at the end.',
    spans: [],
  },
  {
    id: 'a022',
    text: 'My practice assessor Bethany Cole on Willow ward was fab, always explained her rationale.',
    spans: [
      { start: 21, end: 33, type: 'NAME', value: 'Bethany Cole' },
      { start: 37, end: 48, type: 'PLACE', value: 'Willow ward' },
    ],
  },
  {
    id: 'a023',
    text: 'Dr Okonkwo at Grimsby General let me clerk patients on my own by week three.',
    spans: [
      { start: 3, end: 10, type: 'NAME', value: 'Okonkwo' },
      { start: 14, end: 29, type: 'PLACE', value: 'Grimsby General' },
    ],
  },
  {
    id: 'a024',
    text: 'Pharmacy placement at the Royal Derwent, the aseptics team were really welcoming.',
    spans: [{ start: 26, end: 39, type: 'PLACE', value: 'Royal Derwent' }],
  },
  {
    id: 'a025',
    text: 'Went to Stanmoor DGH for my surgical block. The FY1s were kind but had no time to teach.',
    spans: [{ start: 8, end: 20, type: 'PLACE', value: 'Stanmoor DGH' }],
  },
  {
    id: 'a026',
    text: 'Ward 12A had terrible staffing and I was counted in the numbers on most night shifts.',
    spans: [{ start: 0, end: 8, type: 'PLACE', value: 'Ward 12A' }],
  },
  {
    id: 'a027',
    text: 'Really enjoyed my time on Bay 3 of the respiratory ward, Precious the HCA showed me proper NIV care.',
    spans: [
      { start: 26, end: 31, type: 'PLACE', value: 'Bay 3' },
      { start: 57, end: 65, type: 'NAME', value: 'Precious' },
    ],
  },
  {
    id: 'a028',
    text: 'Ashby and Kelderton Hospitals NHS Foundation Trust never sent my timesheets back to uni.',
    spans: [
      {
        start: 0,
        end: 50,
        type: 'ORGANISATION',
        value: 'Ashby and Kelderton Hospitals NHS Foundation Trust',
      },
    ],
  },
  {
    id: 'a029',
    text: 'My physio placement was on level 4 neuro rehab, great MDT working.',
    spans: [{ start: 27, end: 46, type: 'PLACE', value: 'level 4 neuro rehab' }],
  },
  {
    id: 'a030',
    text: 'Please contact me on 07700 900417 if you want to discuss what happened on ward 9.',
    spans: [
      { start: 21, end: 33, type: 'PHONE', value: '07700 900417' },
      { start: 74, end: 80, type: 'PLACE', value: 'ward 9' },
    ],
  },
  {
    id: 'a031',
    text: 'Student midwife at Harrowdale General. The labour ward coordinator, Nadia, was amazing.',
    spans: [
      { start: 19, end: 37, type: 'PLACE', value: 'Harrowdale General' },
      { start: 68, end: 73, type: 'NAME', value: 'Nadia' },
    ],
  },
  {
    id: 'a032',
    text: 'Dental therapy placement at the community clinic was well run and the nurses were lovely.',
    spans: [],
  },
  {
    id: 'a033',
    text: 'The dental hospital reception staff were rude to students on a daily basis.',
    spans: [],
  },
  {
    id: 'a034',
    text: "Dental nurse apprentice - Mr Sandhu's practice in Millbridge was very supportive.",
    spans: [
      { start: 29, end: 35, type: 'NAME', value: 'Sandhu' },
      { start: 50, end: 60, type: 'PLACE', value: 'Millbridge' },
    ],
  },
  {
    id: 'a035',
    text: 'the 1st floor outpatients team were really kind and let me run the phlebotomy list',
    spans: [{ start: 4, end: 25, type: 'PLACE', value: '1st floor outpatients' }],
  },
  {
    id: 'a036',
    text: 'I had my placement on Rowan 2 and the nurses were very kind.',
    spans: [{ start: 22, end: 29, type: 'PLACE', value: 'Rowan 2' }],
  },
  {
    id: 'a037',
    text: 'Fenwick Royal Infirmary has no rest room for students, we eat lunch in the corridor.',
    spans: [{ start: 0, end: 23, type: 'PLACE', value: 'Fenwick Royal Infirmary' }],
  },
  {
    id: 'a038',
    text: 'Placement at Brackenfield and District General was good except for the lack of parking.',
    spans: [{ start: 13, end: 46, type: 'PLACE', value: 'Brackenfield and District General' }],
  },
  {
    id: 'a039',
    text: 'Thank you to Kemi and Aisling on Larch Ward for making my first placement a good one.',
    spans: [
      { start: 13, end: 17, type: 'NAME', value: 'Kemi' },
      { start: 22, end: 29, type: 'NAME', value: 'Aisling' },
      { start: 33, end: 43, type: 'PLACE', value: 'Larch Ward' },
    ],
  },
  {
    id: 'a040',
    text: 'Our uni link lecturer never visited. Not once in 8 weeks.',
    spans: [],
  },
  {
    id: 'a041',
    text: 'My email is h.begum@student.kingsmead.ac.uk if anyone wants to follow this up.',
    spans: [{ start: 12, end: 43, type: 'EMAIL', value: 'h.begum@student.kingsmead.ac.uk' }],
  },
  {
    id: 'a042',
    text: 'Paramedic student: the crew at Ravensholme station were brilliant, especially Gaz.',
    spans: [
      { start: 31, end: 42, type: 'PLACE', value: 'Ravensholme' },
      { start: 78, end: 81, type: 'NAME', value: 'Gaz' },
    ],
  },
  {
    id: 'a043',
    text: 'Level 2 of the main building is where the ward is, the lifts are always broken.',
    spans: [],
  },
  {
    id: 'a044',
    text: 'The 4th floor was freezing in winter and nobody could fix the heating.',
    spans: [],
  },
  {
    id: 'a045',
    text: 'I was placed in theatres at Wexcombe General for 6 weeks, anaesthetics were great, surgeons less so.',
    spans: [{ start: 28, end: 44, type: 'PLACE', value: 'Wexcombe General' }],
  },
  {
    id: 'a046',
    text: 'Trainee nursing associate, placed on Maple Unit. No named supervisor for the first fortnight.',
    spans: [{ start: 37, end: 47, type: 'PLACE', value: 'Maple Unit' }],
  },
  {
    id: 'a047',
    text: 'Hosp pharmacy at Chesterfield Royal was a great placement for a pre-reg, lots of ward work.',
    spans: [{ start: 17, end: 35, type: 'PLACE', value: 'Chesterfield Royal' }],
  },
  {
    id: 'a048',
    text: 'Medical student. The consultant on ward 21B, Dr Ferreira, regularly humiliated students on the ward round.',
    spans: [
      { start: 35, end: 43, type: 'PLACE', value: 'ward 21B' },
      { start: 48, end: 56, type: 'NAME', value: 'Ferreira' },
    ],
  },
  {
    id: 'a049',
    text: 'SCBU was a brilliant experience for a neonatal placement, lots of supervised practice.',
    spans: [],
  },
  {
    id: 'a050',
    text: "NHS number on the handover sheet I was given home by mistake was 117 452 1597, I shredded it but it shouldn't happen.",
    spans: [{ start: 65, end: 77, type: 'NHS_NUMBER', value: '117 452 1597' }],
  },
  {
    id: 'a051',
    text: 'Radiography student at Dewsbury DGH. Plain film was good, CT was a bit rushed.',
    spans: [{ start: 23, end: 35, type: 'PLACE', value: 'Dewsbury DGH' }],
  },
  {
    id: 'a052',
    text: 'Best thing about the placement was the teaching programme on the 5th floor education centre.',
    spans: [],
  },
  {
    id: 'a053',
    text: 'I was asked to do obs for the whole of bay B on my first day, with no support.',
    spans: [{ start: 39, end: 44, type: 'PLACE', value: 'bay B' }],
  },
  {
    id: 'a054',
    text: 'Orthoptics placement in the eye clinic was fab, the team are a credit to the hospital.',
    spans: [],
  },
  {
    id: 'a055',
    text: 'My supervisor on Holly Ward went off sick and nobody replaced her, so I just followed whoever was on.',
    spans: [{ start: 17, end: 27, type: 'PLACE', value: 'Holly Ward' }],
  },
  {
    id: 'a056',
    text: 'OT placement at Oakhampton Community Hospital, the team were very welcoming.',
    spans: [{ start: 16, end: 45, type: 'PLACE', value: 'Oakhampton Community Hospital' }],
  },
  {
    id: 'a057',
    text: 'The Royal was really busy over winter, corridor care everywhere.',
    spans: [{ start: 4, end: 9, type: 'PLACE', value: 'Royal' }],
  },
  {
    id: 'a058',
    text: 'I felt unsafe walking to the car park at night at Salford Royal, there is no lighting.',
    spans: [{ start: 50, end: 63, type: 'PLACE', value: 'Salford Royal' }],
  },
  {
    id: 'a059',
    text: 'Good placement, would recomend to other students.',
    spans: [],
  },
  {
    id: 'a060',
    text: 'Placement in the pharmacy dispensary was a bit repetitive but the technicians were lovely.',
    spans: [],
  },
  {
    id: 'a061',
    text: 'Community nursing placement based at Thornleigh Health Centre, Jo and Marie were wonderful.',
    spans: [
      { start: 37, end: 61, type: 'PLACE', value: 'Thornleigh Health Centre' },
      { start: 63, end: 65, type: 'NAME', value: 'Jo' },
      { start: 70, end: 75, type: 'NAME', value: 'Marie' },
    ],
  },
  {
    id: 'a062',
    text: 'I was told by a nurse on Ward 30 that students are "a waste of space".',
    spans: [{ start: 25, end: 32, type: 'PLACE', value: 'Ward 30' }],
  },
  {
    id: 'a063',
    text: 'Calderdale and Huddersfield NHS Foundation Trust gave us a proper induction pack, which helped a lot.',
    spans: [
      { start: 0, end: 48, type: 'ORGANISATION', value: 'Calderdale and Huddersfield NHS Foundation Trust' },
    ],
  },
  {
    id: 'a064',
    text: 'My HCPC number is PH204917 and I am happy to be contacted about this feedback.',
    spans: [{ start: 18, end: 26, type: 'REGISTRATION_NUMBER', value: 'PH204917' }],
  },
  {
    id: 'a065',
    text: 'Third year adult nursing. Critical care outreach team were fantastic to shadow.',
    spans: [],
  },
  {
    id: 'a066',
    text: 'Placed at Pinderfields for my maternity placement, the birth centre was calm and well run.',
    spans: [{ start: 10, end: 22, type: 'PLACE', value: 'Pinderfields' }],
  },
  {
    id: 'a067',
    text: 'The nurses on ward 6 at Airedale General were welcoming and patient with me.',
    spans: [
      { start: 14, end: 20, type: 'PLACE', value: 'ward 6' },
      { start: 24, end: 40, type: 'PLACE', value: 'Airedale General' },
    ],
  },
  {
    id: 'a068',
    text: 'The 3rd year students got priority for everything, 1st years were left to do obs all day.',
    spans: [],
  },
  {
    id: 'a069',
    text: 'I would not recommend the general medicine rotation, there was no teaching at all.',
    spans: [],
  },
  {
    id: 'a070',
    text: 'Apprentice pharmacy technician. Dispensary at the Royal Hallamshire was well organised.',
    spans: [{ start: 50, end: 67, type: 'PLACE', value: 'Royal Hallamshire' }],
  },
  {
    id: 'a071',
    text: 'ward 3c staff were lovley, made me feel part of the team from day 1',
    spans: [{ start: 0, end: 7, type: 'PLACE', value: 'ward 3c' }],
  },
  {
    id: 'a072',
    text: 'Paeds placement on Puffin ward, the play specialists taught me loads about distraction.',
    spans: [{ start: 19, end: 30, type: 'PLACE', value: 'Puffin ward' }],
  },
  {
    id: 'a073',
    text: "My elective in St Wilfrid's hospice was the most rewarding part of my training.",
    spans: [{ start: 15, end: 27, type: 'PLACE', value: "St Wilfrid's" }],
  },
  {
    id: 'a074',
    text: 'Learning disability nursing student - the day centre was well run and staff were patient.',
    spans: [],
  },
  {
    id: 'a075',
    text: 'Bradford Royal Infirmary maternity unit was short of midwives most shifts.',
    spans: [{ start: 0, end: 24, type: 'PLACE', value: 'Bradford Royal Infirmary' }],
  },
  {
    id: 'a076',
    text: 'Student nurse, placed on level 7 renal. Shifts were long but I learnt loads about dialysis.',
    spans: [{ start: 25, end: 38, type: 'PLACE', value: 'level 7 renal' }],
  },
  {
    id: 'a077',
    text: 'There was nowhere to get food after 6pm at the hospital, students on lates went hungry.',
    spans: [],
  },
  {
    id: 'a078',
    text: 'Podiatry placement in the community clinics was varied and well supervised by Mrs Adeyemi.',
    spans: [{ start: 82, end: 89, type: 'NAME', value: 'Adeyemi' }],
  },
  {
    id: 'a079',
    text: 'Dr Laura Finch at Kelderton Royal gave the best teaching sessions of my degree.',
    spans: [
      { start: 3, end: 14, type: 'NAME', value: 'Laura Finch' },
      { start: 18, end: 33, type: 'PLACE', value: 'Kelderton Royal' },
    ],
  },
  {
    id: 'a080',
    text: 'Worked out of the 2nd floor ICU, felt like a real part of the team.',
    spans: [{ start: 18, end: 31, type: 'PLACE', value: '2nd floor ICU' }],
  },
  {
    id: 'a081',
    text: 'I was on Ward 5B at the Royal Wexcombe and got really good exposure to post-op care.',
    spans: [
      { start: 9, end: 16, type: 'PLACE', value: 'Ward 5B' },
      { start: 24, end: 38, type: 'PLACE', value: 'Royal Wexcombe' },
    ],
  },
  {
    id: 'a082',
    text: 'The emergency department triage nurses were too busy to supervise properly.',
    spans: [],
  },
  {
    id: 'a083',
    text: 'Dietetics student. West Kent and Medway Partnership NHS Trust were very organised.',
    spans: [
      { start: 19, end: 61, type: 'ORGANISATION', value: 'West Kent and Medway Partnership NHS Trust' },
    ],
  },
  {
    id: 'a084',
    text: 'My DOB is 03/07/2002 and the hospital still had me down as a different student on their system.',
    spans: [{ start: 10, end: 20, type: 'DATE_OF_BIRTH', value: '03/07/2002' }],
  },
  {
    id: 'a085',
    text: 'Met my supervisor Callum McBride on day one and he had a plan for the whole 8 weeks.',
    spans: [{ start: 18, end: 32, type: 'NAME', value: 'Callum McBride' }],
  },
];
