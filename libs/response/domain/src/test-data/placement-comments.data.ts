import type { LabelledComment } from '../lib/redaction/redaction-metrics';

/**
 * Placement comments written by hand for NETS, each labelled with every span that must not reach a provider.
 * `value` repeats the text of the span so a reviewer can read the labels; a spec checks that it matches
 * `text.slice(start, end)`.
 *
 * Labelling rules: titles (Dr, Sister, Mrs) and a possessive 's stay outside name spans, since they identify
 * nobody; wards, hospitals, practices, streets and towns are PLACE, trusts, universities, companies and the
 * registry's organisations are ORGANISATION; countries, national bodies (the Royal College of Nursing, Health
 * Education England) and generic departments (ITU, A&E, the Acute Medical Unit) are not labelled; a student
 * number or a Datix reference is not labelled (no placeholder fits it) but should send the comment to review.
 * Phone numbers use Ofcom's drama ranges; NHS numbers are random but pass the modulus-11 check, except in c245,
 * where the learner's typo makes it fail.
 *
 * Written in three batches, none edited after the redactor saw it: c001–c259 before the redactor existed,
 * c260–c329 after its first version, c330–c379 after its second version. The README gives the first-run
 * figures on each later batch, the honest estimate of how the redactor does on comments it has not seen.
 */
export const placementComments: readonly LabelledComment[] = [
  {
    id: 'c001',
    text: 'My practice assessor Sarah Whitfield on Ward 14 was brilliant, always made time for me even on busy shifts.',
    spans: [
      { start: 21, end: 36, type: 'NAME', value: 'Sarah Whitfield' },
      { start: 40, end: 47, type: 'PLACE', value: 'Ward 14' },
    ],
  },
  {
    id: 'c002',
    text: "Sister O'Connell runs a really tight ship on Rowan Ward and the whole team followed her lead.",
    spans: [
      { start: 7, end: 16, type: 'NAME', value: "O'Connell" },
      { start: 45, end: 55, type: 'PLACE', value: 'Rowan Ward' },
    ],
  },
  {
    id: 'c003',
    text: "Dr Patel took me to clinic every Tuesday and let me present cases. Best teaching I've had in three years.",
    spans: [{ start: 3, end: 8, type: 'NAME', value: 'Patel' }],
  },
  {
    id: 'c004',
    text: 'I was never given a named supervisor. The ward manager said she was too busy and told me to shadow the HCAs.',
    spans: [],
  },
  {
    id: 'c005',
    text: 'Hope on the discharge lounge was the only one who explained anything to me.',
    spans: [{ start: 0, end: 4, type: 'NAME', value: 'Hope' }],
  },
  {
    id: 'c006',
    text: 'I hope the Trust looks at staffing on nights because students are being used to fill gaps.',
    spans: [],
  },
  {
    id: 'c007',
    text: 'Mr Clarke-Whitfield in theatres was rude to students in front of patients. Several of us raised it with the link lecturer.',
    spans: [{ start: 3, end: 19, type: 'NAME', value: 'Clarke-Whitfield' }],
  },
  {
    id: 'c008',
    text: 'No complaints, a supportive team and good learning opportunities in A&E and resus.',
    spans: [],
  },
  {
    id: 'c009',
    text: 'Grace and Will (both band 6) were amazing, they got me signed off on all my proficiencies.',
    spans: [
      { start: 0, end: 5, type: 'NAME', value: 'Grace' },
      { start: 10, end: 14, type: 'NAME', value: 'Will' },
    ],
  },
  {
    id: 'c010',
    text: 'Will the university ever sort out travel expenses? It took four months to be reimbursed for mileage to Scarborough.',
    spans: [{ start: 103, end: 114, type: 'PLACE', value: 'Scarborough' }],
  },
  {
    id: 'c011',
    text: 'My mentor mark kept forgetting our meetings, and I had to chase him on 07700 900123 to get my PAD signed.',
    spans: [
      { start: 10, end: 14, type: 'NAME', value: 'mark' },
      { start: 71, end: 83, type: 'PHONE', value: '07700 900123' },
    ],
  },
  {
    id: 'c012',
    text: "Please mark this as urgent: there was no induction and I didn't have an IT login for two weeks.",
    spans: [],
  },
  {
    id: 'c013',
    text: 'The pharmacy team at Northvale General Hospital were welcoming and my designated supervisor, Amira Haddad, was outstanding.',
    spans: [
      { start: 21, end: 47, type: 'PLACE', value: 'Northvale General Hospital' },
      { start: 93, end: 105, type: 'NAME', value: 'Amira Haddad' },
    ],
  },
  {
    id: 'c014',
    text: "I found the placement at St Aidan's Hospital isolating; nobody spoke to me during breaks and the educator was off sick.",
    spans: [{ start: 25, end: 44, type: 'PLACE', value: "St Aidan's Hospital" }],
  },
  {
    id: 'c015',
    text: 'If anyone needs to contact me about this my email is jess.taylor94@gmail.com.',
    spans: [{ start: 53, end: 76, type: 'EMAIL', value: 'jess.taylor94@gmail.com' }],
  },
  {
    id: 'c016',
    text: 'I raised a concern about a patient (636 966 1872) being left in a soiled bed for hours and nothing happened.',
    spans: [{ start: 36, end: 48, type: 'NHS_NUMBER', value: '636 966 1872' }],
  },
  {
    id: 'c017',
    text: 'Best placement so far. ITU is a fantastic learning environment and the Band 5s are so knowledgeable.',
    spans: [],
  },
  {
    id: 'c018',
    text: 'Bill the porter showed me around on my first day which was more than the ward did.',
    spans: [{ start: 0, end: 4, type: 'NAME', value: 'Bill' }],
  },
  {
    id: 'c019',
    text: 'The bill for parking came to over £200 across the placement, which is not sustainable on a student bursary.',
    spans: [],
  },
  {
    id: 'c020',
    text: "Theatre staff at Castlegate Community Hospital were lovely but there wasn't much variety of cases.",
    spans: [{ start: 17, end: 46, type: 'PLACE', value: 'Castlegate Community Hospital' }],
  },
  {
    id: 'c021',
    text: 'Dr Okafor and Dr Nowak both went out of their way to teach on ward rounds.',
    spans: [
      { start: 3, end: 9, type: 'NAME', value: 'Okafor' },
      { start: 17, end: 22, type: 'NAME', value: 'Nowak' },
    ],
  },
  {
    id: 'c022',
    text: "Monday morning handovers were chaotic, and nobody knew I was starting. COVID restrictions meant I couldn't go to MDT meetings in person.",
    spans: [],
  },
  {
    id: 'c023',
    text: 'Rose on Maple Ward is a credit to the NHS.',
    spans: [
      { start: 0, end: 4, type: 'NAME', value: 'Rose' },
      { start: 8, end: 18, type: 'PLACE', value: 'Maple Ward' },
    ],
  },
  {
    id: 'c024',
    text: 'My supervisor wrote her NMC PIN 09D1872E on my PAD but then the university said it was illegible.',
    spans: [{ start: 32, end: 40, type: 'REGISTRATION_NUMBER', value: '09D1872E' }],
  },
  {
    id: 'c025',
    text: "Trust induction was good but the Foundation Trust's e-learning portal kept crashing.",
    spans: [],
  },
  {
    id: 'c026',
    text: 'Mrs Begum the practice manager at Riverbank Medical Practice made sure I had a room every day.',
    spans: [
      { start: 4, end: 9, type: 'NAME', value: 'Begum' },
      { start: 34, end: 60, type: 'ORGANISATION', value: 'Riverbank Medical Practice' },
    ],
  },
  {
    id: 'c027',
    text: 'The GP trainer, Dr Hussain, was very supportive and gave me my own list of patients by week 3.',
    spans: [{ start: 19, end: 26, type: 'NAME', value: 'Hussain' }],
  },
  {
    id: 'c028',
    text: "I'm a student paramedic with Northern Moors Ambulance Service NHS Trust and my mentor was never on the same shift as me.",
    spans: [
      { start: 29, end: 71, type: 'ORGANISATION', value: 'Northern Moors Ambulance Service NHS Trust' },
    ],
  },
  {
    id: 'c029',
    text: 'Staff on the stroke unit were brilliant, particularly Kerry and Dan.',
    spans: [
      { start: 54, end: 59, type: 'NAME', value: 'Kerry' },
      { start: 64, end: 67, type: 'NAME', value: 'Dan' },
    ],
  },
  {
    id: 'c030',
    text: 'I felt unsafe walking back to the accommodation at night; the path behind the car park at Hollins Park has no lighting.',
    spans: [{ start: 90, end: 102, type: 'PLACE', value: 'Hollins Park' }],
  },
  {
    id: 'c031',
    text: 'Good placement. Would recommend.',
    spans: [],
  },
  {
    id: 'c032',
    text: 'The physio team at Calderbrook Memorial Hospital let me run my own caseload with supervision from Jo.',
    spans: [
      { start: 19, end: 48, type: 'PLACE', value: 'Calderbrook Memorial Hospital' },
      { start: 98, end: 100, type: 'NAME', value: 'Jo' },
    ],
  },
  {
    id: 'c033',
    text: "My HCPC number isn't issued yet but my educator's (PH123456) was used to countersign everything, which was fine.",
    spans: [{ start: 51, end: 59, type: 'REGISTRATION_NUMBER', value: 'PH123456' }],
  },
  {
    id: 'c034',
    text: 'The OT department were welcoming, especially Priya who was my educator.',
    spans: [{ start: 45, end: 50, type: 'NAME', value: 'Priya' }],
  },
  {
    id: 'c035',
    text: 'Radiography placement at Northvale Royal Infirmary was busy but I learnt loads about CT.',
    spans: [{ start: 25, end: 50, type: 'PLACE', value: 'Northvale Royal Infirmary' }],
  },
  {
    id: 'c036',
    text: 'Contact me on s.ahmed@nhs.net or 0113 496 0123 if you want more detail.',
    spans: [
      { start: 14, end: 29, type: 'EMAIL', value: 's.ahmed@nhs.net' },
      { start: 33, end: 46, type: 'PHONE', value: '0113 496 0123' },
    ],
  },
  {
    id: 'c037',
    text: 'I was born 14/02/2001 and was told I was too young to be taken seriously by one of the consultants.',
    spans: [{ start: 11, end: 21, type: 'DATE_OF_BIRTH', value: '14/02/2001' }],
  },
  {
    id: 'c038',
    text: "The ward sister said my date of birth (03.07.1999) was wrong on the rota system and I couldn't be booked onto shifts until it was fixed.",
    spans: [{ start: 39, end: 49, type: 'DATE_OF_BIRTH', value: '03.07.1999' }],
  },
  {
    id: 'c039',
    text: 'Nobody on nights knew who the nurse in charge was. Datix reports were discouraged.',
    spans: [],
  },
  {
    id: 'c040',
    text: 'Kate and Lucy from the practice education team visited every fortnight which helped enormously.',
    spans: [
      { start: 0, end: 4, type: 'NAME', value: 'Kate' },
      { start: 9, end: 13, type: 'NAME', value: 'Lucy' },
    ],
  },
  {
    id: 'c041',
    text: 'The consultant, Mr Bishop, shouted at a junior doctor during the ward round and nobody challenged it.',
    spans: [{ start: 19, end: 25, type: 'NAME', value: 'Bishop' }],
  },
  {
    id: 'c042',
    text: 'I spent most of my time on ward 7b doing obs rounds and not much else.',
    spans: [{ start: 27, end: 34, type: 'PLACE', value: 'ward 7b' }],
  },
  {
    id: 'c043',
    text: 'Fantastic experience at Moorside Health Centre. The district nurses were so knowledgeable about wound care.',
    spans: [{ start: 24, end: 46, type: 'PLACE', value: 'Moorside Health Centre' }],
  },
  {
    id: 'c044',
    text: 'The teaching sessions on Wednesday afternoons were cancelled five times out of six.',
    spans: [],
  },
  {
    id: 'c045',
    text: 'I would like to thank Emma Louise Barker for supporting me through a difficult personal time.',
    spans: [{ start: 22, end: 40, type: 'NAME', value: 'Emma Louise Barker' }],
  },
  {
    id: 'c046',
    text: "Mohammed's teaching on the acute medical unit was the highlight of my placement.",
    spans: [{ start: 0, end: 8, type: 'NAME', value: 'Mohammed' }],
  },
  {
    id: 'c047',
    text: 'Pharmacy placement at Wellspring Pharmacy on Kirkgate in Wakefield: the pharmacist was great but I was left on the counter most days.',
    spans: [
      { start: 22, end: 41, type: 'ORGANISATION', value: 'Wellspring Pharmacy' },
      { start: 45, end: 53, type: 'PLACE', value: 'Kirkgate' },
      { start: 57, end: 66, type: 'PLACE', value: 'Wakefield' },
    ],
  },
  {
    id: 'c048',
    text: 'There were not enough computers for students and we had to wait for staff to finish notes.',
    spans: [],
  },
  {
    id: 'c049',
    text: 'The midwives on Riverside Birth Centre were incredibly supportive, especially Siobhan.',
    spans: [
      { start: 16, end: 38, type: 'PLACE', value: 'Riverside Birth Centre' },
      { start: 78, end: 85, type: 'NAME', value: 'Siobhan' },
    ],
  },
  {
    id: 'c050',
    text: "I'm writing this because my practice supervisor Tom Fairclough made inappropriate comments about my appearance. I have already spoken to Helen at the university.",
    spans: [
      { start: 48, end: 62, type: 'NAME', value: 'Tom Fairclough' },
      { start: 137, end: 142, type: 'NAME', value: 'Helen' },
    ],
  },
  {
    id: 'c051',
    text: "Dr Chen's clinics were really well organised and he always asked my opinion before giving his.",
    spans: [{ start: 3, end: 7, type: 'NAME', value: 'Chen' }],
  },
  {
    id: 'c052',
    text: "My clinical supervisor's GMC number is 7123456 if you need to verify the sign-off.",
    spans: [{ start: 39, end: 46, type: 'REGISTRATION_NUMBER', value: '7123456' }],
  },
  {
    id: 'c053',
    text: 'The placement was well organised by the university (University of Northvale) and the placement team responded quickly to emails.',
    spans: [{ start: 52, end: 75, type: 'ORGANISATION', value: 'University of Northvale' }],
  },
  {
    id: 'c054',
    text: 'Not enough parking. Had to park at the supermarket and walk 20 minutes.',
    spans: [],
  },
  {
    id: 'c055',
    text: 'A&E at Northvale General is chaotic but you see everything. Jamie the ANP was a superb teacher.',
    spans: [
      { start: 7, end: 24, type: 'PLACE', value: 'Northvale General' },
      { start: 60, end: 65, type: 'NAME', value: 'Jamie' },
    ],
  },
  {
    id: 'c056',
    text: 'Sister Ward on the surgical assessment unit was fair and firm.',
    spans: [{ start: 7, end: 11, type: 'NAME', value: 'Ward' }],
  },
  {
    id: 'c057',
    text: 'The ward was short staffed every shift. I was regularly the only person on the bay with an HCA.',
    spans: [],
  },
  {
    id: 'c058',
    text: 'I was given a locker, an ID badge and a timetable on day one at Brambleside Unit, which was a first.',
    spans: [{ start: 64, end: 80, type: 'PLACE', value: 'Brambleside Unit' }],
  },
  {
    id: 'c059',
    text: 'Mental health placement at The Larches was eye-opening. The staff really care about the service users.',
    spans: [{ start: 27, end: 38, type: 'PLACE', value: 'The Larches' }],
  },
  {
    id: 'c060',
    text: 'Staff nurse Agnieszka Kowalski was an excellent role model.',
    spans: [{ start: 12, end: 30, type: 'NAME', value: 'Agnieszka Kowalski' }],
  },
  {
    id: 'c061',
    text: 'Nguyen (the charge nurse) never let me do drug rounds even though I am a third year.',
    spans: [{ start: 0, end: 6, type: 'NAME', value: 'Nguyen' }],
  },
  {
    id: 'c062',
    text: 'Please pass my thanks to everyone on Larkspur Ward, particularly Becky, Hannah and Femi.',
    spans: [
      { start: 37, end: 50, type: 'PLACE', value: 'Larkspur Ward' },
      { start: 65, end: 70, type: 'NAME', value: 'Becky' },
      { start: 72, end: 78, type: 'NAME', value: 'Hannah' },
      { start: 83, end: 87, type: 'NAME', value: 'Femi' },
    ],
  },
  {
    id: 'c063',
    text: 'Some staff refused to speak English in front of patients, which made me feel excluded.',
    spans: [],
  },
  {
    id: 'c064',
    text: 'The learning environment was good. Band 5 nurses were approachable. Would have liked more time with the specialist nurses.',
    spans: [],
  },
  {
    id: 'c065',
    text: 'I used my own phone to ring the bleep holder because the ward phone was broken and ext 4471 never answered.',
    spans: [{ start: 83, end: 91, type: 'PHONE', value: 'ext 4471' }],
  },
  {
    id: 'c066',
    text: "My placement was at Fernlea House and the team were mostly agency staff who didn't know the service users.",
    spans: [{ start: 20, end: 33, type: 'PLACE', value: 'Fernlea House' }],
  },
  {
    id: 'c067',
    text: 'Matron Khan was visible and approachable, which made a real difference to the ward culture.',
    spans: [{ start: 7, end: 11, type: 'NAME', value: 'Khan' }],
  },
  {
    id: 'c068',
    text: 'The educator (Laura) was off for the first fortnight and I had no one to go to.',
    spans: [{ start: 14, end: 19, type: 'NAME', value: 'Laura' }],
  },
  {
    id: 'c069',
    text: 'Ward rounds with Prof Adeyemi were fast but incredibly educational.',
    spans: [{ start: 22, end: 29, type: 'NAME', value: 'Adeyemi' }],
  },
  {
    id: 'c070',
    text: 'Professor Oyelaran gave a brilliant teaching session on sepsis.',
    spans: [{ start: 10, end: 18, type: 'NAME', value: 'Oyelaran' }],
  },
  {
    id: 'c071',
    text: "I'm Jess, a second year child nursing student, and I want to say how much I enjoyed Ward 22.",
    spans: [
      { start: 4, end: 8, type: 'NAME', value: 'Jess' },
      { start: 84, end: 91, type: 'PLACE', value: 'Ward 22' },
    ],
  },
  {
    id: 'c072',
    text: 'Trauma and orthopaedics was quiet over Christmas so I spent time in fracture clinic instead.',
    spans: [],
  },
  {
    id: 'c073',
    text: "Easter bank holiday meant I lost two placement days and wasn't offered alternatives.",
    spans: [],
  },
  {
    id: 'c074',
    text: 'The receptionist, mrs patel, was lovely and helped me find my way round.',
    spans: [{ start: 22, end: 27, type: 'NAME', value: 'patel' }],
  },
  {
    id: 'c075',
    text: 'My supervisor sarah was always on her phone and left me to do the obs alone.',
    spans: [{ start: 14, end: 19, type: 'NAME', value: 'sarah' }],
  },
  {
    id: 'c076',
    text: 'dr jones let me do my first cannula.',
    spans: [{ start: 3, end: 8, type: 'NAME', value: 'jones' }],
  },
  {
    id: 'c077',
    text: 'The SHO, Callum, was fantastic at explaining ECGs.',
    spans: [{ start: 9, end: 15, type: 'NAME', value: 'Callum' }],
  },
  {
    id: 'c078',
    text: 'I reported an incident involving a patient with NHS number 8737152270 but was told not to put it on Datix.',
    spans: [{ start: 59, end: 69, type: 'NHS_NUMBER', value: '8737152270' }],
  },
  {
    id: 'c079',
    text: 'Postal address for any follow up: 14 Elmfield Road, Harrogate, HG2 7SX.',
    spans: [
      { start: 34, end: 50, type: 'PLACE', value: '14 Elmfield Road' },
      { start: 52, end: 61, type: 'PLACE', value: 'Harrogate' },
      { start: 63, end: 70, type: 'POSTCODE', value: 'HG2 7SX' },
    ],
  },
  {
    id: 'c080',
    text: 'Students from Kingsmead University were treated differently to us from University of Northvale.',
    spans: [
      { start: 14, end: 34, type: 'ORGANISATION', value: 'Kingsmead University' },
      { start: 71, end: 94, type: 'ORGANISATION', value: 'University of Northvale' },
    ],
  },
  {
    id: 'c081',
    text: "Just want to say the placement was brilliant and I'd love to work there when I qualify.",
    spans: [],
  },
  {
    id: 'c082',
    text: 'The community team in Halifax covered a huge area and we spent most of the day driving.',
    spans: [{ start: 22, end: 29, type: 'PLACE', value: 'Halifax' }],
  },
  {
    id: 'c083',
    text: 'I travelled from Bradford to Huddersfield every day, two buses each way, and never had travel costs paid on time.',
    spans: [
      { start: 17, end: 25, type: 'PLACE', value: 'Bradford' },
      { start: 29, end: 41, type: 'PLACE', value: 'Huddersfield' },
    ],
  },
  {
    id: 'c084',
    text: 'The dietitian, Rachel Ogunleye (DT034567), supervised me closely and gave great feedback.',
    spans: [
      { start: 15, end: 30, type: 'NAME', value: 'Rachel Ogunleye' },
      { start: 32, end: 40, type: 'REGISTRATION_NUMBER', value: 'DT034567' },
    ],
  },
  {
    id: 'c085',
    text: 'Speech and language therapy placement was excellent; Niamh let me lead on dysphagia assessments.',
    spans: [{ start: 53, end: 58, type: 'NAME', value: 'Niamh' }],
  },
  {
    id: 'c086',
    text: 'The ODP team in main theatres were great but the surgeons ignored students completely.',
    spans: [],
  },
  {
    id: 'c087',
    text: "My assessor wrote 'does not engage' on my PAD without ever discussing it with me. I have screenshots if needed: placement.concerns.student@outlook.com",
    spans: [{ start: 112, end: 150, type: 'EMAIL', value: 'placement.concerns.student@outlook.com' }],
  },
  {
    id: 'c088',
    text: 'Amy, Sophie and Georgia on the neonatal unit are the best team I have worked with.',
    spans: [
      { start: 0, end: 3, type: 'NAME', value: 'Amy' },
      { start: 5, end: 11, type: 'NAME', value: 'Sophie' },
      { start: 16, end: 23, type: 'NAME', value: 'Georgia' },
    ],
  },
  {
    id: 'c089',
    text: 'The consultant psychiatrist Dr Fitzgerald-Hughes allowed me to sit in on tribunals which was a unique experience.',
    spans: [{ start: 31, end: 48, type: 'NAME', value: 'Fitzgerald-Hughes' }],
  },
  {
    id: 'c090',
    text: "Pre-registration pharmacist placement: my tutor's GPhC registration number 2071234 was on all my sign-offs but she was rarely on site.",
    spans: [{ start: 75, end: 82, type: 'REGISTRATION_NUMBER', value: '2071234' }],
  },
  {
    id: 'c091',
    text: 'Handover was done in the corridor so anyone could hear confidential information.',
    spans: [],
  },
  {
    id: 'c092',
    text: 'Good support from the practice education facilitator, Deborah, who checked in weekly.',
    spans: [{ start: 54, end: 61, type: 'NAME', value: 'Deborah' }],
  },
  {
    id: 'c093',
    text: 'The nursing associate programme at Calderbrook Community Healthcare NHS Trust is well run.',
    spans: [
      { start: 35, end: 77, type: 'ORGANISATION', value: 'Calderbrook Community Healthcare NHS Trust' },
    ],
  },
  {
    id: 'c094',
    text: 'Mark my words, this ward will lose its students if nothing changes.',
    spans: [],
  },
  {
    id: 'c095',
    text: "I loved the hospice placement at St Cuthbert's Hospice. Margaret the chaplain took time to talk to me about end of life care.",
    spans: [
      { start: 33, end: 54, type: 'ORGANISATION', value: "St Cuthbert's Hospice" },
      { start: 56, end: 64, type: 'NAME', value: 'Margaret' },
    ],
  },
  {
    id: 'c096',
    text: 'The apprenticeship tutor never visited. My line manager, Gary Smith, did what he could.',
    spans: [{ start: 57, end: 67, type: 'NAME', value: 'Gary Smith' }],
  },
  {
    id: 'c097',
    text: 'Staff at Ashgrove Care Home were welcoming but there was no registered nurse on some night shifts.',
    spans: [{ start: 9, end: 27, type: 'ORGANISATION', value: 'Ashgrove Care Home' }],
  },
  {
    id: 'c098',
    text: 'My educator, Sunita, can be reached on +44 7700 900456 and she would be happy to give a reference for the placement.',
    spans: [
      { start: 13, end: 19, type: 'NAME', value: 'Sunita' },
      { start: 39, end: 54, type: 'PHONE', value: '+44 7700 900456' },
    ],
  },
  {
    id: 'c099',
    text: 'I got lost on my first day because the signage at Northvale Royal Infirmary is terrible.',
    spans: [{ start: 50, end: 75, type: 'PLACE', value: 'Northvale Royal Infirmary' }],
  },
  {
    id: 'c100',
    text: 'The acute medical unit is a great place to learn. Doctors were happy to teach during quiet periods.',
    spans: [],
  },
  {
    id: 'c101',
    text: 'Dr Bill Turner is the best clinical supervisor in the deanery.',
    spans: [{ start: 3, end: 14, type: 'NAME', value: 'Bill Turner' }],
  },
  {
    id: 'c102',
    text: 'The dental nurses at Brightwater Dental Practice were welcoming, but I did mostly decontamination.',
    spans: [{ start: 21, end: 48, type: 'ORGANISATION', value: 'Brightwater Dental Practice' }],
  },
  {
    id: 'c103',
    text: 'Healthcare science placement in the blood sciences lab was excellent. The training officer, Chloe Marsden, put together a clear rotation plan.',
    spans: [{ start: 92, end: 105, type: 'NAME', value: 'Chloe Marsden' }],
  },
  {
    id: 'c104',
    text: 'Paediatric outpatients on Thursdays was the best day of the week.',
    spans: [],
  },
  {
    id: 'c105',
    text: 'I was asked to chaperone intimate examinations without any training, by Dr Ali.',
    spans: [{ start: 75, end: 78, type: 'NAME', value: 'Ali' }],
  },
  {
    id: 'c106',
    text: 'Pete and Andy from the ambulance crew let me lead on a cardiac arrest under supervision.',
    spans: [
      { start: 0, end: 4, type: 'NAME', value: 'Pete' },
      { start: 9, end: 13, type: 'NAME', value: 'Andy' },
    ],
  },
  {
    id: 'c107',
    text: 'Too many students on the ward at once: four nursing students, two medical students and a paramedic student.',
    spans: [],
  },
  {
    id: 'c108',
    text: 'The GP surgery (Harbour Street Surgery) has a lovely team and the nurses let me run the flu clinic.',
    spans: [{ start: 16, end: 38, type: 'ORGANISATION', value: 'Harbour Street Surgery' }],
  },
  {
    id: 'c109',
    text: 'My placement was in York and I live in Doncaster. I asked three times to be moved.',
    spans: [
      { start: 20, end: 24, type: 'PLACE', value: 'York' },
      { start: 39, end: 48, type: 'PLACE', value: 'Doncaster' },
    ],
  },
  {
    id: 'c110',
    text: "Sister Hope Adebayo is inspirational; she remembers every student's name.",
    spans: [{ start: 7, end: 19, type: 'NAME', value: 'Hope Adebayo' }],
  },
  {
    id: 'c111',
    text: 'We need a quiet space to study; the seminar room at Westgate Clinic was always booked out.',
    spans: [{ start: 52, end: 67, type: 'PLACE', value: 'Westgate Clinic' }],
  },
  {
    id: 'c112',
    text: 'Physio placement on the respiratory ward: Mark and Will were superb educators.',
    spans: [
      { start: 42, end: 46, type: 'NAME', value: 'Mark' },
      { start: 51, end: 55, type: 'NAME', value: 'Will' },
    ],
  },
  {
    id: 'c113',
    text: 'I will be recommending this placement to everyone in my cohort.',
    spans: [],
  },
  {
    id: 'c114',
    text: "I didn't get my mid-point review until week 9 of 10, and only after I emailed practice.education@nvth.nhs.uk.",
    spans: [{ start: 78, end: 108, type: 'EMAIL', value: 'practice.education@nvth.nhs.uk' }],
  },
  {
    id: 'c115',
    text: 'Supervisor: Owen Price, GMC 6012345. He was supportive throughout.',
    spans: [
      { start: 12, end: 22, type: 'NAME', value: 'Owen Price' },
      { start: 28, end: 35, type: 'REGISTRATION_NUMBER', value: '6012345' },
    ],
  },
  {
    id: 'c116',
    text: 'I was placed at Oakfield Primary Care Network and rotated between three practices, which was confusing at first.',
    spans: [{ start: 16, end: 45, type: 'ORGANISATION', value: 'Oakfield Primary Care Network' }],
  },
  {
    id: 'c117',
    text: 'Night shifts on ITU taught me more than any lecture.',
    spans: [],
  },
  {
    id: 'c118',
    text: "Claire was horrible to me and I dreaded every shift. I don't want this to come back to me.",
    spans: [{ start: 0, end: 6, type: 'NAME', value: 'Claire' }],
  },
  {
    id: 'c119',
    text: 'Felt like a burden every day. Staff sighed when I asked questions.',
    spans: [],
  },
  {
    id: 'c120',
    text: 'The team at the Willow Unit were amazing with young people in crisis.',
    spans: [{ start: 16, end: 27, type: 'PLACE', value: 'Willow Unit' }],
  },
  {
    id: 'c121',
    text: 'Zainab from the pharmacy aseptic unit was patient with all my questions.',
    spans: [{ start: 0, end: 6, type: 'NAME', value: 'Zainab' }],
  },
  {
    id: 'c122',
    text: 'My PA (practice assessor) was Lisa Chambers who was only on two shifts with me the whole time.',
    spans: [{ start: 30, end: 43, type: 'NAME', value: 'Lisa Chambers' }],
  },
  {
    id: 'c123',
    text: 'Medicine placement at Castlegate Community Hospital was slow but allowed time to learn the basics properly.',
    spans: [{ start: 22, end: 51, type: 'PLACE', value: 'Castlegate Community Hospital' }],
  },
  {
    id: 'c124',
    text: 'I spoke to Dr Owusu-Ansah about my concerns and she was really understanding.',
    spans: [{ start: 14, end: 25, type: 'NAME', value: 'Owusu-Ansah' }],
  },
  {
    id: 'c125',
    text: 'The facilities were poor, with no lockers and no changing rooms.',
    spans: [],
  },
  {
    id: 'c126',
    text: "Jack kept calling me 'the student' instead of my name.",
    spans: [{ start: 0, end: 4, type: 'NAME', value: 'Jack' }],
  },
  {
    id: 'c127',
    text: 'Our link lecturer, Dr Simon Reed, only visited once.',
    spans: [{ start: 22, end: 32, type: 'NAME', value: 'Simon Reed' }],
  },
  {
    id: 'c128',
    text: 'My address changed during placement to Flat 3, 22 Hyde Park Road, Leeds LS6 1AF and travel claims were never updated.',
    spans: [
      { start: 39, end: 64, type: 'PLACE', value: 'Flat 3, 22 Hyde Park Road' },
      { start: 66, end: 71, type: 'PLACE', value: 'Leeds' },
      { start: 72, end: 79, type: 'POSTCODE', value: 'LS6 1AF' },
    ],
  },
  {
    id: 'c129',
    text: 'The theatre coordinator was helpful. Anaesthetists were keen to teach airway management.',
    spans: [],
  },
  {
    id: 'c130',
    text: 'Ruth on reception at Moorside Health Centre went above and beyond.',
    spans: [
      { start: 0, end: 4, type: 'NAME', value: 'Ruth' },
      { start: 21, end: 43, type: 'PLACE', value: 'Moorside Health Centre' },
    ],
  },
  {
    id: 'c131',
    text: 'FY1 rotation in general surgery. The registrar, Imran, was supportive; the consultants were mostly absent.',
    spans: [{ start: 48, end: 53, type: 'NAME', value: 'Imran' }],
  },
  {
    id: 'c132',
    text: 'Please could the pharmacy technician training officer, Nadia Rahman, receive some recognition.',
    spans: [{ start: 55, end: 67, type: 'NAME', value: 'Nadia Rahman' }],
  },
  {
    id: 'c133',
    text: "DOB 21/09/1998 was on the rota for everyone to see, which I didn't appreciate.",
    spans: [{ start: 4, end: 14, type: 'DATE_OF_BIRTH', value: '21/09/1998' }],
  },
  {
    id: 'c134',
    text: "The midwifery manager at Northvale General Hospital said students shouldn't expect breaks. Pam disagreed and made sure we took them.",
    spans: [
      { start: 25, end: 51, type: 'PLACE', value: 'Northvale General Hospital' },
      { start: 91, end: 94, type: 'NAME', value: 'Pam' },
    ],
  },
  {
    id: 'c135',
    text: "The university's occupational health took six weeks to clear me for placement.",
    spans: [],
  },
  {
    id: 'c136',
    text: "Danielle's enthusiasm for learning disability nursing was infectious.",
    spans: [{ start: 0, end: 8, type: 'NAME', value: 'Danielle' }],
  },
  {
    id: 'c137',
    text: 'Learning disability placement with the community team in Keighley was varied and well supported.',
    spans: [{ start: 57, end: 65, type: 'PLACE', value: 'Keighley' }],
  },
  {
    id: 'c138',
    text: 'Spent a day with the tissue viability nurse, Alison Pearce, which was excellent.',
    spans: [{ start: 45, end: 58, type: 'NAME', value: 'Alison Pearce' }],
  },
  {
    id: 'c139',
    text: 'Staff were welcoming on my first day but after that nobody knew what to do with me.',
    spans: [],
  },
  {
    id: 'c140',
    text: "I've worked with Daniel and Joseph before on a previous placement at Dewsbury District Hospital and they are consistent in their support.",
    spans: [
      { start: 17, end: 23, type: 'NAME', value: 'Daniel' },
      { start: 28, end: 34, type: 'NAME', value: 'Joseph' },
      { start: 69, end: 95, type: 'PLACE', value: 'Dewsbury District Hospital' },
    ],
  },
  {
    id: 'c141',
    text: 'Too much time on the phone chasing beds. Bed managers would ring the ward constantly.',
    spans: [],
  },
  {
    id: 'c142',
    text: 'My mentor Olu is the kindest nurse I have ever met.',
    spans: [{ start: 10, end: 13, type: 'NAME', value: 'Olu' }],
  },
  {
    id: 'c143',
    text: 'The paramedic practice educator (Gareth) made sure every shift had a learning objective.',
    spans: [{ start: 33, end: 39, type: 'NAME', value: 'Gareth' }],
  },
  {
    id: 'c144',
    text: 'Our cohort had a Teams call with the placement lead each Friday, which really helped.',
    spans: [],
  },
  {
    id: 'c145',
    text: 'I was told to contact Janet at the practice education team on 01632 960123 but the line was always engaged.',
    spans: [
      { start: 22, end: 27, type: 'NAME', value: 'Janet' },
      { start: 62, end: 74, type: 'PHONE', value: '01632 960123' },
    ],
  },
  {
    id: 'c146',
    text: 'Physiotherapy in critical care was excellent. Helena and Ravi are brilliant educators.',
    spans: [
      { start: 46, end: 52, type: 'NAME', value: 'Helena' },
      { start: 57, end: 61, type: 'NAME', value: 'Ravi' },
    ],
  },
  {
    id: 'c147',
    text: 'The nurse in charge, Stacey, refused to let me go to my university teaching day.',
    spans: [{ start: 21, end: 27, type: 'NAME', value: 'Stacey' }],
  },
  {
    id: 'c148',
    text: "I had to wait three weeks for my smartcard so couldn't access SystmOne or EMIS.",
    spans: [],
  },
  {
    id: 'c149',
    text: 'GP placement in Skipton was lovely, lots of variety and home visits.',
    spans: [{ start: 16, end: 23, type: 'PLACE', value: 'Skipton' }],
  },
  {
    id: 'c150',
    text: 'I think the Foundation Trust should invest more in student facilities, especially at Calderbrook Memorial.',
    spans: [{ start: 85, end: 105, type: 'PLACE', value: 'Calderbrook Memorial' }],
  },
  {
    id: 'c151',
    text: 'The rotas were changed without telling students, so I turned up for shifts that no longer existed.',
    spans: [],
  },
  {
    id: 'c152',
    text: 'Staff Nurse Chipo Moyo and HCA Tracey Lund were fantastic.',
    spans: [
      { start: 12, end: 22, type: 'NAME', value: 'Chipo Moyo' },
      { start: 31, end: 42, type: 'NAME', value: 'Tracey Lund' },
    ],
  },
  {
    id: 'c153',
    text: 'The ward manager, Mrs Greenwood, was supportive when my dad was ill.',
    spans: [{ start: 22, end: 31, type: 'NAME', value: 'Greenwood' }],
  },
  {
    id: 'c154',
    text: 'My email is aisha.begum@student.northvale.ac.uk if anyone from the quality team wants to follow up.',
    spans: [{ start: 12, end: 47, type: 'EMAIL', value: 'aisha.begum@student.northvale.ac.uk' }],
  },
  {
    id: 'c155',
    text: 'Faith and Joy on the postnatal ward were wonderful.',
    spans: [
      { start: 0, end: 5, type: 'NAME', value: 'Faith' },
      { start: 10, end: 13, type: 'NAME', value: 'Joy' },
    ],
  },
  {
    id: 'c156',
    text: 'The whole team showed real joy in their work and it was infectious.',
    spans: [],
  },
  {
    id: 'c157',
    text: 'Felt like I had no faith in the supervision arrangements after week two.',
    spans: [],
  },
  {
    id: 'c158',
    text: 'My practice assessor is a registered nurse (15K0123E) but she had never completed the assessor training.',
    spans: [{ start: 44, end: 52, type: 'REGISTRATION_NUMBER', value: '15K0123E' }],
  },
  {
    id: 'c159',
    text: 'Happy to be contacted on 07700900789 about the bullying I witnessed.',
    spans: [{ start: 25, end: 36, type: 'PHONE', value: '07700900789' }],
  },
  {
    id: 'c160',
    text: 'Our OSCE prep sessions with Dr Farah Siddiqui were excellent.',
    spans: [{ start: 31, end: 45, type: 'NAME', value: 'Farah Siddiqui' }],
  },
  {
    id: 'c161',
    text: 'The clinic nurse, Bernadette, taught me how to do ear irrigation.',
    spans: [{ start: 18, end: 28, type: 'NAME', value: 'Bernadette' }],
  },
  {
    id: 'c162',
    text: 'Would be good if the trust provided free parking for students, like they do at other sites.',
    spans: [],
  },
  {
    id: 'c163',
    text: "I was at St Aidan's for 8 weeks and never had a proper break.",
    spans: [{ start: 9, end: 19, type: 'PLACE', value: "St Aidan's" }],
  },
  {
    id: 'c164',
    text: 'Lee was my supervisor on the acute stroke unit; very knowledgeable but often stressed.',
    spans: [{ start: 0, end: 3, type: 'NAME', value: 'Lee' }],
  },
  {
    id: 'c165',
    text: 'The radiographers at Calderbrook Memorial Hospital were happy to teach, Marcus in particular.',
    spans: [
      { start: 21, end: 50, type: 'PLACE', value: 'Calderbrook Memorial Hospital' },
      { start: 72, end: 78, type: 'NAME', value: 'Marcus' },
    ],
  },
  {
    id: 'c166',
    text: 'Kwame Mensah (RA012345) supervised my first independent chest X-rays.',
    spans: [
      { start: 0, end: 12, type: 'NAME', value: 'Kwame Mensah' },
      { start: 14, end: 22, type: 'REGISTRATION_NUMBER', value: 'RA012345' },
    ],
  },
  {
    id: 'c167',
    text: 'The apprenticeship has been fantastic so far and my employer supports study days.',
    spans: [],
  },
  {
    id: 'c168',
    text: 'Really positive placement. The team on Ward 9 deserve recognition.',
    spans: [{ start: 39, end: 45, type: 'PLACE', value: 'Ward 9' }],
  },
  {
    id: 'c169',
    text: 'There is a culture of bullying on Ward 31. I do not want to be identified.',
    spans: [{ start: 34, end: 41, type: 'PLACE', value: 'Ward 31' }],
  },
  {
    id: 'c170',
    text: "We were told by Mr Daniels that students are 'extra pairs of hands'.",
    spans: [{ start: 19, end: 26, type: 'NAME', value: 'Daniels' }],
  },
  {
    id: 'c171',
    text: "I'm a trainee nursing associate at Northvale General Hospital; the TNA programme needs better coordination with the university.",
    spans: [{ start: 35, end: 61, type: 'PLACE', value: 'Northvale General Hospital' }],
  },
  {
    id: 'c172',
    text: "My educator Bethany's feedback was always constructive.",
    spans: [{ start: 12, end: 19, type: 'NAME', value: 'Bethany' }],
  },
  {
    id: 'c173',
    text: "Dr Grace O'Neill was the most inspiring doctor I worked with.",
    spans: [{ start: 3, end: 16, type: 'NAME', value: "Grace O'Neill" }],
  },
  {
    id: 'c174',
    text: 'The psychologists at Brambleside Unit included students in formulation meetings.',
    spans: [{ start: 21, end: 37, type: 'PLACE', value: 'Brambleside Unit' }],
  },
  {
    id: 'c175',
    text: 'Social care placement: staff at the day centre on Victoria Street, Batley were welcoming.',
    spans: [
      { start: 50, end: 65, type: 'PLACE', value: 'Victoria Street' },
      { start: 67, end: 73, type: 'PLACE', value: 'Batley' },
    ],
  },
  {
    id: 'c176',
    text: 'I was unwell in week 4 and Natalie in the practice education team arranged extra time for me.',
    spans: [{ start: 27, end: 34, type: 'NAME', value: 'Natalie' }],
  },
  {
    id: 'c177',
    text: 'Student midwife here. Caseload was good. Mentor Kirsty McAllister is the best.',
    spans: [{ start: 48, end: 65, type: 'NAME', value: 'Kirsty McAllister' }],
  },
  {
    id: 'c178',
    text: 'No mentor for first 2 weeks. Nobody knew I was coming. Eventually the band 7 found someone.',
    spans: [],
  },
  {
    id: 'c179',
    text: 'Please can the ward stop putting students on the HCA numbers.',
    spans: [],
  },
  {
    id: 'c180',
    text: 'My phone number is (0114) 496 0987 for any follow up.',
    spans: [{ start: 19, end: 34, type: 'PHONE', value: '(0114) 496 0987' }],
  },
  {
    id: 'c181',
    text: 'The pharmacist Yusuf took me on ward rounds and let me do medicines reconciliation.',
    spans: [{ start: 15, end: 20, type: 'NAME', value: 'Yusuf' }],
  },
  {
    id: 'c182',
    text: 'Trainee pharmacist here: my designated supervisor (Emily Hart, GPhC 2058841) was supportive throughout.',
    spans: [
      { start: 51, end: 61, type: 'NAME', value: 'Emily Hart' },
      { start: 68, end: 75, type: 'REGISTRATION_NUMBER', value: '2058841' },
    ],
  },
  {
    id: 'c183',
    text: 'I was asked to escort a patient, Mr Dobson, to CT on my own on my second day.',
    spans: [{ start: 36, end: 42, type: 'NAME', value: 'Dobson' }],
  },
  {
    id: 'c184',
    text: 'The ED at Harrogate District Hospital was so busy that students were left in the corridor.',
    spans: [{ start: 10, end: 37, type: 'PLACE', value: 'Harrogate District Hospital' }],
  },
  {
    id: 'c185',
    text: 'Siân from the learning disability team was wonderful to work with.',
    spans: [{ start: 0, end: 4, type: 'NAME', value: 'Siân' }],
  },
  {
    id: 'c186',
    text: 'I really enjoyed my time with the crisis team. Weekly reflection sessions with the psychologist were useful.',
    spans: [],
  },
  {
    id: 'c187',
    text: "The staff room had a sign saying 'no students' which says it all.",
    spans: [],
  },
  {
    id: 'c188',
    text: 'My NHS number 9472488358 was used as my login for the occupational health portal, which seemed odd.',
    spans: [{ start: 14, end: 24, type: 'NHS_NUMBER', value: '9472488358' }],
  },
  {
    id: 'c189',
    text: 'My mileage claim from BD9 6RJ to the hospital was rejected twice.',
    spans: [{ start: 22, end: 29, type: 'POSTCODE', value: 'BD9 6RJ' }],
  },
  {
    id: 'c190',
    text: 'Placements in Sheffield are always well organised; this one was not.',
    spans: [{ start: 14, end: 23, type: 'PLACE', value: 'Sheffield' }],
  },
  {
    id: 'c191',
    text: 'The community nurses at Riverbank Medical Practice are brilliant, Helen especially.',
    spans: [
      { start: 24, end: 50, type: 'ORGANISATION', value: 'Riverbank Medical Practice' },
      { start: 66, end: 71, type: 'NAME', value: 'Helen' },
    ],
  },
  {
    id: 'c192',
    text: 'Wendy the housekeeper was the only person who said good morning to me.',
    spans: [{ start: 0, end: 5, type: 'NAME', value: 'Wendy' }],
  },
  {
    id: 'c193',
    text: "I was a student on the critical care outreach team and it was the best thing I've done.",
    spans: [],
  },
  {
    id: 'c194',
    text: 'Jonny and Bex on the HDU made my placement.',
    spans: [
      { start: 0, end: 5, type: 'NAME', value: 'Jonny' },
      { start: 10, end: 13, type: 'NAME', value: 'Bex' },
    ],
  },
  {
    id: 'c195',
    text: "The consultant, whose name I won't give, made a racist comment at handover.",
    spans: [],
  },
  {
    id: 'c196',
    text: 'ODP student, main theatres: Carl the scrub lead made sure I had a structured plan each week.',
    spans: [{ start: 28, end: 32, type: 'NAME', value: 'Carl' }],
  },
  {
    id: 'c197',
    text: 'I want to complain about Dr Keeble, who told me students are a waste of time.',
    spans: [{ start: 28, end: 34, type: 'NAME', value: 'Keeble' }],
  },
  {
    id: 'c198',
    text: 'Tariq, the FY2 on nights, taught me to interpret blood gases.',
    spans: [{ start: 0, end: 5, type: 'NAME', value: 'Tariq' }],
  },
  {
    id: 'c199',
    text: 'Great placement at Leeds General Infirmary, well organised.',
    spans: [{ start: 19, end: 42, type: 'PLACE', value: 'Leeds General Infirmary' }],
  },
  {
    id: 'c200',
    text: 'The placement at Scarborough Hospital was very isolated; the nearest accommodation was 40 minutes away.',
    spans: [{ start: 17, end: 37, type: 'PLACE', value: 'Scarborough Hospital' }],
  },
  {
    id: 'c201',
    text: 'I was not given the opportunity to attend theatre even though it was in my learning plan.',
    spans: [],
  },
  {
    id: 'c202',
    text: "I'd like to nominate Sister Anne-Marie Doyle for a student support award.",
    spans: [{ start: 28, end: 44, type: 'NAME', value: 'Anne-Marie Doyle' }],
  },
  {
    id: 'c203',
    text: 'Address for the award letter: Castlegate Community Hospital, Mill Lane, Castlegate YO31 8HE.',
    spans: [
      { start: 30, end: 59, type: 'PLACE', value: 'Castlegate Community Hospital' },
      { start: 61, end: 70, type: 'PLACE', value: 'Mill Lane' },
      { start: 72, end: 82, type: 'PLACE', value: 'Castlegate' },
      { start: 83, end: 91, type: 'POSTCODE', value: 'YO31 8HE' },
    ],
  },
  {
    id: 'c204',
    text: 'Contact the ward on 020 7946 0321 to verify.',
    spans: [{ start: 20, end: 33, type: 'PHONE', value: '020 7946 0321' }],
  },
  {
    id: 'c205',
    text: 'Sam on Oak ward was patient with me when I made mistakes.',
    spans: [
      { start: 0, end: 3, type: 'NAME', value: 'Sam' },
      { start: 7, end: 15, type: 'PLACE', value: 'Oak ward' },
    ],
  },
  {
    id: 'c206',
    text: 'The ward had a lovely atmosphere; lots of laughter and teamwork.',
    spans: [],
  },
  {
    id: 'c207',
    text: 'My details: Chloe Edwards, born 12 March 1998, student number 20214567.',
    spans: [
      { start: 12, end: 25, type: 'NAME', value: 'Chloe Edwards' },
      { start: 32, end: 45, type: 'DATE_OF_BIRTH', value: '12 March 1998' },
    ],
  },
  {
    id: 'c208',
    text: 'The placement was fine but the handbook said Northvale General Hospital when I was actually at Northvale Royal Infirmary.',
    spans: [
      { start: 45, end: 71, type: 'PLACE', value: 'Northvale General Hospital' },
      { start: 95, end: 120, type: 'PLACE', value: 'Northvale Royal Infirmary' },
    ],
  },
  {
    id: 'c209',
    text: 'Ben and I were the only students; we supported each other.',
    spans: [{ start: 0, end: 3, type: 'NAME', value: 'Ben' }],
  },
  {
    id: 'c210',
    text: 'Dr. Mahmood ran excellent simulation sessions.',
    spans: [{ start: 4, end: 11, type: 'NAME', value: 'Mahmood' }],
  },
  {
    id: 'c211',
    text: 'I had a chat with the Freedom to Speak Up Guardian about the ward culture.',
    spans: [],
  },
  {
    id: 'c212',
    text: 'Christmas Day shift on Ward 5 was great fun and the patients loved the decorations.',
    spans: [{ start: 23, end: 29, type: 'PLACE', value: 'Ward 5' }],
  },
  {
    id: 'c213',
    text: 'The nursing team on the Acute Medical Unit made students feel part of the team.',
    spans: [],
  },
  {
    id: 'c214',
    text: 'HCPC standards were discussed in supervision with Gemma which helped me prepare for qualification.',
    spans: [{ start: 50, end: 55, type: 'NAME', value: 'Gemma' }],
  },
  {
    id: 'c215',
    text: 'Abdul Rahman (HCPC PA12345) was my paramedic practice educator and he was excellent.',
    spans: [
      { start: 0, end: 12, type: 'NAME', value: 'Abdul Rahman' },
      { start: 19, end: 26, type: 'REGISTRATION_NUMBER', value: 'PA12345' },
    ],
  },
  {
    id: 'c216',
    text: 'The NHS is under huge pressure and it showed on this placement, but the team did their best.',
    spans: [],
  },
  {
    id: 'c217',
    text: "I've been told to contact Lynne at lynne.harker@nhs.net about extending my placement.",
    spans: [
      { start: 26, end: 31, type: 'NAME', value: 'Lynne' },
      { start: 35, end: 55, type: 'EMAIL', value: 'lynne.harker@nhs.net' },
    ],
  },
  {
    id: 'c218',
    text: 'As I was born on 1st May 2002, I was the youngest on the ward and some patients assumed I was on work experience.',
    spans: [{ start: 17, end: 29, type: 'DATE_OF_BIRTH', value: '1st May 2002' }],
  },
  {
    id: 'c219',
    text: "Date of birth: 5/6/00. I'm including it because my timesheets keep going to another student with the same name.",
    spans: [{ start: 15, end: 21, type: 'DATE_OF_BIRTH', value: '5/6/00' }],
  },
  {
    id: 'c220',
    text: 'Learners from Hull were given priority for local placements over those of us from Grimsby.',
    spans: [
      { start: 14, end: 18, type: 'PLACE', value: 'Hull' },
      { start: 82, end: 89, type: 'PLACE', value: 'Grimsby' },
    ],
  },
  {
    id: 'c221',
    text: 'Great variety on the acute assessment unit. Dr Ivanova was keen to involve students.',
    spans: [{ start: 47, end: 54, type: 'NAME', value: 'Ivanova' }],
  },
  {
    id: 'c222',
    text: 'My mentor, Mrs Joyce Whitaker-Lowe, is retiring and deserves a mention.',
    spans: [{ start: 15, end: 34, type: 'NAME', value: 'Joyce Whitaker-Lowe' }],
  },
  {
    id: 'c223',
    text: 'The practice nurse Carol let me do smear tests under supervision at Harbour Street Surgery.',
    spans: [
      { start: 19, end: 24, type: 'NAME', value: 'Carol' },
      { start: 68, end: 90, type: 'ORGANISATION', value: 'Harbour Street Surgery' },
    ],
  },
  {
    id: 'c224',
    text: 'My SLT educator (SL23456) left mid-placement and no one replaced her.',
    spans: [{ start: 17, end: 24, type: 'REGISTRATION_NUMBER', value: 'SL23456' }],
  },
  {
    id: 'c225',
    text: "I couldn't log into the e-PAD until week three.",
    spans: [],
  },
  {
    id: 'c226',
    text: "Pharmacy technician apprentice at St Aidan's Hospital: Lorraine made dispensary training really clear.",
    spans: [
      { start: 34, end: 53, type: 'PLACE', value: "St Aidan's Hospital" },
      { start: 55, end: 63, type: 'NAME', value: 'Lorraine' },
    ],
  },
  {
    id: 'c227',
    text: 'The ITU outreach nurses, Andrea and Paul, were exceptional.',
    spans: [
      { start: 25, end: 31, type: 'NAME', value: 'Andrea' },
      { start: 36, end: 40, type: 'NAME', value: 'Paul' },
    ],
  },
  {
    id: 'c228',
    text: 'Students were blamed for a drug error that Kelly made and I was told to keep quiet.',
    spans: [{ start: 43, end: 48, type: 'NAME', value: 'Kelly' }],
  },
  {
    id: 'c229',
    text: 'Overall a supportive placement, although the ward was understaffed on weekends.',
    spans: [],
  },
  {
    id: 'c230',
    text: "Dawn from the ward clerk team sorted out my ID badge when security wouldn't.",
    spans: [{ start: 0, end: 4, type: 'NAME', value: 'Dawn' }],
  },
  {
    id: 'c231',
    text: "I'm Tom by the way, and I'm happy to talk: 07700 900 321.",
    spans: [
      { start: 4, end: 7, type: 'NAME', value: 'Tom' },
      { start: 43, end: 56, type: 'PHONE', value: '07700 900 321' },
    ],
  },
  {
    id: 'c232',
    text: 'Working with Christopher on the falls team showed me how much physio can achieve in the community.',
    spans: [{ start: 13, end: 24, type: 'NAME', value: 'Christopher' }],
  },
  {
    id: 'c233',
    text: 'Community mental health team in Todmorden was friendly.',
    spans: [{ start: 32, end: 41, type: 'PLACE', value: 'Todmorden' }],
  },
  {
    id: 'c234',
    text: 'The weekly journal club run by Prof. Lindqvist was excellent for FY doctors.',
    spans: [{ start: 37, end: 46, type: 'NAME', value: 'Lindqvist' }],
  },
  {
    id: 'c235',
    text: 'Duty rota was organised by Marie-Claire, who always accommodated my childcare needs.',
    spans: [{ start: 27, end: 39, type: 'NAME', value: 'Marie-Claire' }],
  },
  {
    id: 'c236',
    text: 'Students at Northvale General get free hot drinks, which is a small thing that means a lot.',
    spans: [{ start: 12, end: 29, type: 'PLACE', value: 'Northvale General' }],
  },
  {
    id: 'c237',
    text: 'I worked under Dr. Reuben Ashworth in renal; he is a superb teacher.',
    spans: [{ start: 19, end: 34, type: 'NAME', value: 'Reuben Ashworth' }],
  },
  {
    id: 'c238',
    text: 'Bank staff were not told about students and some were unfriendly.',
    spans: [],
  },
  {
    id: 'c239',
    text: "Eleanor's and Joanne's support in my final week got me through.",
    spans: [
      { start: 0, end: 7, type: 'NAME', value: 'Eleanor' },
      { start: 14, end: 20, type: 'NAME', value: 'Joanne' },
    ],
  },
  {
    id: 'c240',
    text: 'I witnessed an older patient being handled roughly by an HCA called Stephen. I reported it to Sister Malik.',
    spans: [
      { start: 68, end: 75, type: 'NAME', value: 'Stephen' },
      { start: 101, end: 106, type: 'NAME', value: 'Malik' },
    ],
  },
  {
    id: 'c241',
    text: 'Please use tnA_feedback2024@yahoo.co.uk rather than my university email.',
    spans: [{ start: 11, end: 39, type: 'EMAIL', value: 'tnA_feedback2024@yahoo.co.uk' }],
  },
  {
    id: 'c242',
    text: 'The clinic in Ilkley was tiny but staff really invested in me.',
    spans: [{ start: 14, end: 20, type: 'PLACE', value: 'Ilkley' }],
  },
  {
    id: 'c243',
    text: 'The SALT team at Northvale Royal Infirmary let me join the ENT clinic.',
    spans: [{ start: 17, end: 42, type: 'PLACE', value: 'Northvale Royal Infirmary' }],
  },
  {
    id: 'c244',
    text: 'This was my last placement and it was the best.',
    spans: [],
  },
  {
    id: 'c245',
    text: 'The patient (NHS no. 485 777 3456) was discharged without her medication.',
    spans: [{ start: 21, end: 33, type: 'NHS_NUMBER', value: '485 777 3456' }],
  },
  {
    id: 'c246',
    text: "I'm Ellie Robinson (ellie.r@nhs.net, 07700 900654), student nurse on Ward 18 at Northvale General Hospital; please contact me about Sister Quinn.",
    spans: [
      { start: 4, end: 18, type: 'NAME', value: 'Ellie Robinson' },
      { start: 20, end: 35, type: 'EMAIL', value: 'ellie.r@nhs.net' },
      { start: 37, end: 49, type: 'PHONE', value: '07700 900654' },
      { start: 69, end: 76, type: 'PLACE', value: 'Ward 18' },
      { start: 80, end: 106, type: 'PLACE', value: 'Northvale General Hospital' },
      { start: 139, end: 144, type: 'NAME', value: 'Quinn' },
    ],
  },
  {
    id: 'c247',
    text: 'Shout out to SARAH on nights, she was AMAZING.',
    spans: [{ start: 13, end: 18, type: 'NAME', value: 'SARAH' }],
  },
  {
    id: 'c248',
    text: 'The placement in leeds was fine but the rota was only sent the day before.',
    spans: [{ start: 17, end: 22, type: 'PLACE', value: 'leeds' }],
  },
  {
    id: 'c249',
    text: 'There was no grace period for submitting timesheets, so one late form meant no pay.',
    spans: [],
  },
  {
    id: 'c250',
    text: 'Demand rose sharply over winter and students were pulled to other wards.',
    spans: [],
  },
  {
    id: 'c251',
    text: 'Hope this feedback helps.',
    spans: [],
  },
  {
    id: 'c252',
    text: 'The postgraduate Dean visited and listened to our concerns about rotas.',
    spans: [],
  },
  {
    id: 'c253',
    text: 'I contacted Health Education England about the lack of supervision but heard nothing back.',
    spans: [],
  },
  {
    id: 'c254',
    text: 'On 12/03/2024 I was sent home because there was no one to supervise me.',
    spans: [],
  },
  {
    id: 'c255',
    text: 'My Datix reference was 202401234 and it was closed without anyone speaking to me.',
    spans: [],
  },
  {
    id: 'c256',
    text: 'd.o.b. 30/11/1997, in case you need to match this to my record.',
    spans: [{ start: 7, end: 17, type: 'DATE_OF_BIRTH', value: '30/11/1997' }],
  },
  {
    id: 'c257',
    text: "The ward's phone number (0161 496 0012) was on the board but nobody ever answered it.",
    spans: [{ start: 25, end: 38, type: 'PHONE', value: '0161 496 0012' }],
  },
  {
    id: 'c258',
    text: 'Mr Lowe from the orthotics team let me observe fittings for a whole week.',
    spans: [{ start: 3, end: 7, type: 'NAME', value: 'Lowe' }],
  },
  {
    id: 'c259',
    text: 'Precious and Blessing on the elderly care ward were the best mentors I could have asked for.',
    spans: [
      { start: 0, end: 8, type: 'NAME', value: 'Precious' },
      { start: 13, end: 21, type: 'NAME', value: 'Blessing' },
    ],
  },
  {
    id: 'c260',
    text: "big thanks to becky and jo on ward 3, couldn't have done it without them",
    spans: [
      { start: 14, end: 19, type: 'NAME', value: 'becky' },
      { start: 24, end: 26, type: 'NAME', value: 'jo' },
      { start: 30, end: 36, type: 'PLACE', value: 'ward 3' },
    ],
  },
  {
    id: 'c261',
    text: 'Absolutely loved my time at the LGI. The cardiology team were so welcoming.',
    spans: [{ start: 32, end: 35, type: 'PLACE', value: 'LGI' }],
  },
  {
    id: 'c262',
    text: 'Summer was my practice supervisor and she never once made me feel like a nuisance.',
    spans: [{ start: 0, end: 6, type: 'NAME', value: 'Summer' }],
  },
  {
    id: 'c263',
    text: 'My PS Robin Achterberg was knowledgeable but very busy with his own caseload.',
    spans: [{ start: 6, end: 22, type: 'NAME', value: 'Robin Achterberg' }],
  },
  {
    id: 'c264',
    text: 'I would like to highlight the support from Holly and Ivy in the discharge team.',
    spans: [
      { start: 43, end: 48, type: 'NAME', value: 'Holly' },
      { start: 53, end: 56, type: 'NAME', value: 'Ivy' },
    ],
  },
  {
    id: 'c265',
    text: "The ward manager on Ward 26 didn't know who my practice assessor was until week 5.",
    spans: [{ start: 20, end: 27, type: 'PLACE', value: 'Ward 26' }],
  },
  {
    id: 'c266',
    text: 'Worked nights with Kofi and Bartek on AMU, they taught me loads about sepsis.',
    spans: [
      { start: 19, end: 23, type: 'NAME', value: 'Kofi' },
      { start: 28, end: 34, type: 'NAME', value: 'Bartek' },
    ],
  },
  {
    id: 'c267',
    text: 'Dr Anand Krishnamurthy is an incredible teacher and very patient with students.',
    spans: [{ start: 3, end: 22, type: 'NAME', value: 'Anand Krishnamurthy' }],
  },
  {
    id: 'c268',
    text: 'SUPPORT FROM MICHELLE WAS AMAZING',
    spans: [{ start: 13, end: 21, type: 'NAME', value: 'MICHELLE' }],
  },
  {
    id: 'c269',
    text: "I was based at Jimmy's for my elective and it was brilliant.",
    spans: [{ start: 15, end: 22, type: 'PLACE', value: "Jimmy's" }],
  },
  {
    id: 'c270',
    text: 'My mentors were Leanne and Yvonne; both were supportive and kind.',
    spans: [
      { start: 16, end: 22, type: 'NAME', value: 'Leanne' },
      { start: 27, end: 33, type: 'NAME', value: 'Yvonne' },
    ],
  },
  {
    id: 'c271',
    text: 'Placement at Pennine Vale Mental Health NHS Trust was organised at the last minute.',
    spans: [{ start: 13, end: 49, type: 'ORGANISATION', value: 'Pennine Vale Mental Health NHS Trust' }],
  },
  {
    id: 'c272',
    text: 'In Bradford the community placements are spread out so a car is essential.',
    spans: [{ start: 3, end: 11, type: 'PLACE', value: 'Bradford' }],
  },
  {
    id: 'c273',
    text: 'Thanks to Dr Ng and Dr Oduya for the fantastic teaching in clinic.',
    spans: [
      { start: 13, end: 15, type: 'NAME', value: 'Ng' },
      { start: 23, end: 28, type: 'NAME', value: 'Oduya' },
    ],
  },
  {
    id: 'c274',
    text: 'My supervisor was off sick so I worked with Jasmine from the neighbouring team.',
    spans: [{ start: 44, end: 51, type: 'NAME', value: 'Jasmine' }],
  },
  {
    id: 'c275',
    text: 'Communication on the ward was poor and handovers were rushed.',
    spans: [],
  },
  {
    id: 'c276',
    text: 'I was placed at Wellspring Pharmacy and then moved to a branch in Ossett.',
    spans: [
      { start: 16, end: 35, type: 'ORGANISATION', value: 'Wellspring Pharmacy' },
      { start: 66, end: 72, type: 'PLACE', value: 'Ossett' },
    ],
  },
  {
    id: 'c277',
    text: 'The team at Calderbrook Memorial were friendly and Theo the technician was brilliant.',
    spans: [
      { start: 12, end: 32, type: 'PLACE', value: 'Calderbrook Memorial' },
      { start: 51, end: 55, type: 'NAME', value: 'Theo' },
    ],
  },
  {
    id: 'c278',
    text: 'Sister McGrath never let students go home on time.',
    spans: [{ start: 7, end: 14, type: 'NAME', value: 'McGrath' }],
  },
  {
    id: 'c279',
    text: 'Student nurse here. Aoife on the neuro ward is a fantastic role model.',
    spans: [{ start: 20, end: 25, type: 'NAME', value: 'Aoife' }],
  },
  {
    id: 'c280',
    text: "Wojciech's enthusiasm for physiotherapy was infectious.",
    spans: [{ start: 0, end: 8, type: 'NAME', value: 'Wojciech' }],
  },
  {
    id: 'c281',
    text: 'Please could someone speak to Darren about how he talks to students.',
    spans: [{ start: 30, end: 36, type: 'NAME', value: 'Darren' }],
  },
  {
    id: 'c282',
    text: "I'm Priyanka Sharma and I'm happy to be contacted at priyanka.sharma@nhs.net.",
    spans: [
      { start: 4, end: 19, type: 'NAME', value: 'Priyanka Sharma' },
      { start: 53, end: 76, type: 'EMAIL', value: 'priyanka.sharma@nhs.net' },
    ],
  },
  {
    id: 'c283',
    text: 'My mobile is 07700 900 982 if the quality team want to follow up.',
    spans: [{ start: 13, end: 26, type: 'PHONE', value: '07700 900 982' }],
  },
  {
    id: 'c284',
    text: 'The bleep number for the site practitioner is bleep 2231 but nobody told students.',
    spans: [{ start: 46, end: 56, type: 'PHONE', value: 'bleep 2231' }],
  },
  {
    id: 'c285',
    text: 'Pharmacy placement in Huddersfield: my designated supervisor was Hamza Iqbal (GPhC 2098765).',
    spans: [
      { start: 22, end: 34, type: 'PLACE', value: 'Huddersfield' },
      { start: 65, end: 76, type: 'NAME', value: 'Hamza Iqbal' },
      { start: 83, end: 90, type: 'REGISTRATION_NUMBER', value: '2098765' },
    ],
  },
  {
    id: 'c286',
    text: "My GMC no. is 7654321 and my FY1 supervisor still hasn't signed my logbook.",
    spans: [{ start: 14, end: 21, type: 'REGISTRATION_NUMBER', value: '7654321' }],
  },
  {
    id: 'c287',
    text: 'NMC PIN 18C4321E was written on the wrong form by my assessor.',
    spans: [{ start: 8, end: 16, type: 'REGISTRATION_NUMBER', value: '18C4321E' }],
  },
  {
    id: 'c288',
    text: 'My HCPC registration is pending, my educator was Lauren (OT54321).',
    spans: [
      { start: 49, end: 55, type: 'NAME', value: 'Lauren' },
      { start: 57, end: 64, type: 'REGISTRATION_NUMBER', value: 'OT54321' },
    ],
  },
  {
    id: 'c289',
    text: 'I have attached my DOB: 17/08/2003, as the university keeps getting my records mixed up.',
    spans: [{ start: 24, end: 34, type: 'DATE_OF_BIRTH', value: '17/08/2003' }],
  },
  {
    id: 'c290',
    text: 'My date of birth is 2 June 2000 and my student ID is on the portal.',
    spans: [{ start: 20, end: 31, type: 'DATE_OF_BIRTH', value: '2 June 2000' }],
  },
  {
    id: 'c291',
    text: 'Contact me at LS9 7TF if you need to send anything in the post.',
    spans: [{ start: 14, end: 21, type: 'POSTCODE', value: 'LS9 7TF' }],
  },
  {
    id: 'c292',
    text: 'The patient with NHS number 881 473 2396 had a pressure ulcer that was not reported.',
    spans: [{ start: 28, end: 40, type: 'NHS_NUMBER', value: '881 473 2396' }],
  },
  {
    id: 'c293',
    text: 'Dr. Grant was always happy to teach, even on busy on-calls.',
    spans: [{ start: 4, end: 9, type: 'NAME', value: 'Grant' }],
  },
  {
    id: 'c294',
    text: 'Placement was at Pinderfields and the ED was overwhelmed every shift.',
    spans: [{ start: 17, end: 29, type: 'PLACE', value: 'Pinderfields' }],
  },
  {
    id: 'c295',
    text: 'The physios at Northvale General Hospital are great but Joe was the standout.',
    spans: [
      { start: 15, end: 41, type: 'PLACE', value: 'Northvale General Hospital' },
      { start: 56, end: 59, type: 'NAME', value: 'Joe' },
    ],
  },
  {
    id: 'c296',
    text: 'There was a lot of hope on the ward that staffing would improve after Christmas.',
    spans: [],
  },
  {
    id: 'c297',
    text: 'The ward was good. The sister was good. I learned a lot.',
    spans: [],
  },
  {
    id: 'c298',
    text: 'Our cohort WhatsApp group was more helpful than the official induction.',
    spans: [],
  },
  {
    id: 'c299',
    text: 'Most of the doctors were lovely, except one consultant who ignored students entirely.',
    spans: [],
  },
  {
    id: 'c300',
    text: 'Everyone at Harbour Street Surgery made me feel part of the team, particularly Nasreen.',
    spans: [
      { start: 12, end: 34, type: 'ORGANISATION', value: 'Harbour Street Surgery' },
      { start: 79, end: 86, type: 'NAME', value: 'Nasreen' },
    ],
  },
  {
    id: 'c301',
    text: 'Gift on the renal unit took me under her wing.',
    spans: [{ start: 0, end: 4, type: 'NAME', value: 'Gift' }],
  },
  {
    id: 'c302',
    text: 'I was left alone with a deteriorating patient on nights and Stuart the charge nurse did nothing.',
    spans: [{ start: 60, end: 66, type: 'NAME', value: 'Stuart' }],
  },
  {
    id: 'c303',
    text: "The midwives at St Aidan's Hospital were fab, especially Orla and Beth.",
    spans: [
      { start: 16, end: 35, type: 'PLACE', value: "St Aidan's Hospital" },
      { start: 57, end: 61, type: 'NAME', value: 'Orla' },
      { start: 66, end: 70, type: 'NAME', value: 'Beth' },
    ],
  },
  {
    id: 'c304',
    text: 'The occupational therapists in Dewsbury were welcoming.',
    spans: [{ start: 31, end: 39, type: 'PLACE', value: 'Dewsbury' }],
  },
  {
    id: 'c305',
    text: 'Ms Adeleke runs the best teaching sessions in the deanery.',
    spans: [{ start: 3, end: 10, type: 'NAME', value: 'Adeleke' }],
  },
  {
    id: 'c306',
    text: 'Mr Hargreaves-Booth in orthopaedics is a fantastic trainer.',
    spans: [{ start: 3, end: 19, type: 'NAME', value: 'Hargreaves-Booth' }],
  },
  {
    id: 'c307',
    text: 'Really enjoyed my placement with the Kirklees district nursing team.',
    spans: [{ start: 37, end: 45, type: 'PLACE', value: 'Kirklees' }],
  },
  {
    id: 'c308',
    text: "The learning environment on Ward 12 is excellent and Callum's teaching is superb.",
    spans: [
      { start: 28, end: 35, type: 'PLACE', value: 'Ward 12' },
      { start: 53, end: 59, type: 'NAME', value: 'Callum' },
    ],
  },
  {
    id: 'c309',
    text: 'Will there be more study days next year?',
    spans: [],
  },
  {
    id: 'c310',
    text: 'My assessor Tamsin was brilliant but I rarely saw her.',
    spans: [{ start: 12, end: 18, type: 'NAME', value: 'Tamsin' }],
  },
  {
    id: 'c311',
    text: 'I was at The Larches for ten weeks and Ashley supported me throughout.',
    spans: [
      { start: 9, end: 20, type: 'PLACE', value: 'The Larches' },
      { start: 39, end: 45, type: 'NAME', value: 'Ashley' },
    ],
  },
  {
    id: 'c312',
    text: 'The dental practice was welcoming, Dr Mistry let me assist with extractions.',
    spans: [{ start: 38, end: 44, type: 'NAME', value: 'Mistry' }],
  },
  {
    id: 'c313',
    text: 'Mark Ellison from the simulation team ran fantastic scenarios.',
    spans: [{ start: 0, end: 12, type: 'NAME', value: 'Mark Ellison' }],
  },
  {
    id: 'c314',
    text: 'I worked at Fernlea House and the staff were lovely.',
    spans: [{ start: 12, end: 25, type: 'PLACE', value: 'Fernlea House' }],
  },
  {
    id: 'c315',
    text: 'Email r.okonkwo@student.kingsmead.ac.uk if you need more information.',
    spans: [{ start: 6, end: 39, type: 'EMAIL', value: 'r.okonkwo@student.kingsmead.ac.uk' }],
  },
  {
    id: 'c316',
    text: 'The radiographers at Northvale Royal Infirmary were great but the reporting room was off limits.',
    spans: [{ start: 21, end: 46, type: 'PLACE', value: 'Northvale Royal Infirmary' }],
  },
  {
    id: 'c317',
    text: 'I feel the Trust needs to prioritise student wellbeing.',
    spans: [],
  },
  {
    id: 'c318',
    text: 'Nurse Patience Mensah-Boateng was inspirational.',
    spans: [{ start: 6, end: 29, type: 'NAME', value: 'Patience Mensah-Boateng' }],
  },
  {
    id: 'c319',
    text: 'Sister Rose was strict but fair.',
    spans: [{ start: 7, end: 11, type: 'NAME', value: 'Rose' }],
  },
  {
    id: 'c320',
    text: 'The rota coordinator, Kerry-Ann, was very accommodating when my son was unwell.',
    spans: [{ start: 22, end: 31, type: 'NAME', value: 'Kerry-Ann' }],
  },
  {
    id: 'c321',
    text: 'Great learning in theatres. Anita the anaesthetist let me practise airway skills.',
    spans: [{ start: 28, end: 33, type: 'NAME', value: 'Anita' }],
  },
  {
    id: 'c322',
    text: "I was born in 1979 and I'm a mature student, yet I was treated like a child.",
    spans: [],
  },
  {
    id: 'c323',
    text: 'Florin and Mihai from the porters team were the friendliest people on site.',
    spans: [
      { start: 0, end: 6, type: 'NAME', value: 'Florin' },
      { start: 11, end: 16, type: 'NAME', value: 'Mihai' },
    ],
  },
  {
    id: 'c324',
    text: "I didn't get a single day with my practice assessor; Gill was always on leave.",
    spans: [{ start: 53, end: 57, type: 'NAME', value: 'Gill' }],
  },
  {
    id: 'c325',
    text: 'At Castlegate Community Hospital students are expected to do all the washes.',
    spans: [{ start: 3, end: 32, type: 'PLACE', value: 'Castlegate Community Hospital' }],
  },
  {
    id: 'c326',
    text: 'The team on Maple ward were welcoming, especially Rob.',
    spans: [
      { start: 12, end: 22, type: 'PLACE', value: 'Maple ward' },
      { start: 50, end: 53, type: 'NAME', value: 'Rob' },
    ],
  },
  {
    id: 'c327',
    text: 'The pharmacist Abimbola Adeyemi-Cole made the placement worthwhile.',
    spans: [{ start: 15, end: 36, type: 'NAME', value: 'Abimbola Adeyemi-Cole' }],
  },
  {
    id: 'c328',
    text: 'My phone: +44 (0)113 496 0456.',
    spans: [{ start: 10, end: 29, type: 'PHONE', value: '+44 (0)113 496 0456' }],
  },
  {
    id: 'c329',
    text: "Placement on the children's ward was fantastic and the play specialists were so inspiring.",
    spans: [],
  },
  {
    id: 'c330',
    text: 'I spent eight weeks on the surgical ward with Ifeoma as my supervisor and she was outstanding.',
    spans: [{ start: 46, end: 52, type: 'NAME', value: 'Ifeoma' }],
  },
  {
    id: 'c331',
    text: 'Tendai and Saoirse in the day unit showed me how to prepare patients for endoscopy.',
    spans: [
      { start: 0, end: 6, type: 'NAME', value: 'Tendai' },
      { start: 11, end: 18, type: 'NAME', value: 'Saoirse' },
    ],
  },
  {
    id: 'c332',
    text: 'The Royal College of Nursing rep visited the ward and talked to students about the union.',
    spans: [],
  },
  {
    id: 'c333',
    text: 'My practice assessor, Eilidh Fraser, was on maternity leave for half of my placement.',
    spans: [{ start: 22, end: 35, type: 'NAME', value: 'Eilidh Fraser' }],
  },
  {
    id: 'c334',
    text: 'We were told by the matron, Mrs Okonjo, that students cannot take breaks together.',
    spans: [{ start: 32, end: 38, type: 'NAME', value: 'Okonjo' }],
  },
  {
    id: 'c335',
    text: 'Paramedic placement based at Pontefract station; crews were friendly but some refused to let students drive.',
    spans: [{ start: 29, end: 39, type: 'PLACE', value: 'Pontefract' }],
  },
  {
    id: 'c336',
    text: 'Had a brilliant time with Dariusz on the stroke rehab unit.',
    spans: [{ start: 26, end: 33, type: 'NAME', value: 'Dariusz' }],
  },
  {
    id: 'c337',
    text: 'Gurpreet from the diabetes team ran a teaching session for all the students.',
    spans: [{ start: 0, end: 8, type: 'NAME', value: 'Gurpreet' }],
  },
  {
    id: 'c338',
    text: 'The FY1s at Hull Royal Infirmary are overworked and had no time for medical students.',
    spans: [{ start: 12, end: 32, type: 'PLACE', value: 'Hull Royal Infirmary' }],
  },
  {
    id: 'c339',
    text: 'Supervision was patchy. Some weeks I saw my supervisor daily, other weeks not at all.',
    spans: [],
  },
  {
    id: 'c340',
    text: 'Contact number: 0300 555 0123 (this is my work line).',
    spans: [{ start: 16, end: 29, type: 'PHONE', value: '0300 555 0123' }],
  },
  {
    id: 'c341',
    text: 'My date of birth is 3/4/1996, please correct it on the system.',
    spans: [{ start: 20, end: 28, type: 'DATE_OF_BIRTH', value: '3/4/1996' }],
  },
  {
    id: 'c342',
    text: "NHS: 401 023 2137 - this patient's discharge letter was sent to the wrong GP.",
    spans: [{ start: 5, end: 17, type: 'NHS_NUMBER', value: '401 023 2137' }],
  },
  {
    id: 'c343',
    text: "My educator's HCPC reg is SL12345 and she signed off all my competencies.",
    spans: [{ start: 26, end: 33, type: 'REGISTRATION_NUMBER', value: 'SL12345' }],
  },
  {
    id: 'c344',
    text: 'Dr Rhiannon Pugh gave me excellent feedback on my history taking.',
    spans: [{ start: 3, end: 16, type: 'NAME', value: 'Rhiannon Pugh' }],
  },
  {
    id: 'c345',
    text: 'The team in Barnsley were lovely but the commute from Rotherham was difficult.',
    spans: [
      { start: 12, end: 20, type: 'PLACE', value: 'Barnsley' },
      { start: 54, end: 63, type: 'PLACE', value: 'Rotherham' },
    ],
  },
  {
    id: 'c346',
    text: 'I asked Ciaran for help and he ignored me, which happened more than once.',
    spans: [{ start: 8, end: 14, type: 'NAME', value: 'Ciaran' }],
  },
  {
    id: 'c347',
    text: "Magdalena's support with my assignment was above and beyond.",
    spans: [{ start: 0, end: 9, type: 'NAME', value: 'Magdalena' }],
  },
  {
    id: 'c348',
    text: 'Microsoft Teams teaching on Fridays was a good idea but the wifi was poor.',
    spans: [],
  },
  {
    id: 'c349',
    text: 'I was one of six students at Airedale and we all got good experience in the ED.',
    spans: [{ start: 29, end: 37, type: 'PLACE', value: 'Airedale' }],
  },
  {
    id: 'c350',
    text: 'Mr Harjit Singh let me scrub in for a hip replacement.',
    spans: [{ start: 3, end: 15, type: 'NAME', value: 'Harjit Singh' }],
  },
  {
    id: 'c351',
    text: 'The placement was well organised and the Band 6s were really keen to teach.',
    spans: [],
  },
  {
    id: 'c352',
    text: "There were no lockers at St James's so I had to carry my bag all day.",
    spans: [{ start: 25, end: 35, type: 'PLACE', value: "St James's" }],
  },
  {
    id: 'c353',
    text: 'I rang the practice education team on +44 7700 900 111 and nobody picked up.',
    spans: [{ start: 38, end: 54, type: 'PHONE', value: '+44 7700 900 111' }],
  },
  {
    id: 'c354',
    text: 'The Deanery needs to look at how FY2 rotas are built; we were on nights for three weeks running.',
    spans: [],
  },
  {
    id: 'c355',
    text: 'Post any paperwork to 12 Church Street, Pontefract, WF8 1AB.',
    spans: [
      { start: 22, end: 38, type: 'PLACE', value: '12 Church Street' },
      { start: 40, end: 50, type: 'PLACE', value: 'Pontefract' },
      { start: 52, end: 59, type: 'POSTCODE', value: 'WF8 1AB' },
    ],
  },
  {
    id: 'c356',
    text: 'Yusra and I worked together on a quality improvement project about falls.',
    spans: [{ start: 0, end: 5, type: 'NAME', value: 'Yusra' }],
  },
  {
    id: 'c357',
    text: 'Ramadan fell during my placement and the team were very understanding about my fasting.',
    spans: [],
  },
  {
    id: 'c358',
    text: "Our ward manager Thandiwe is the most inspiring leader I've met.",
    spans: [{ start: 17, end: 25, type: 'NAME', value: 'Thandiwe' }],
  },
  {
    id: 'c359',
    text: 'Mehmet in pharmacy stores explained the supply chain, which was unexpected but interesting.',
    spans: [{ start: 0, end: 6, type: 'NAME', value: 'Mehmet' }],
  },
  {
    id: 'c360',
    text: "GMC - 7001234 is my supervisor's number; he asked me to include it.",
    spans: [{ start: 6, end: 13, type: 'REGISTRATION_NUMBER', value: '7001234' }],
  },
  {
    id: 'c361',
    text: "I'd like to nominate Jaswinder Kaur for the student support award.",
    spans: [{ start: 21, end: 35, type: 'NAME', value: 'Jaswinder Kaur' }],
  },
  {
    id: 'c362',
    text: "Covid-19 policies meant students couldn't attend some clinics.",
    spans: [],
  },
  {
    id: 'c363',
    text: "The hospice at St Cuthbert's Hospice gave me the most meaningful experience of my training.",
    spans: [{ start: 15, end: 36, type: 'ORGANISATION', value: "St Cuthbert's Hospice" }],
  },
  {
    id: 'c364',
    text: "I didn't feel safe on nights on Ward 40.",
    spans: [{ start: 32, end: 39, type: 'PLACE', value: 'Ward 40' }],
  },
  {
    id: 'c365',
    text: 'Lydia showed me how to do a full set of obs on my first day and checked in every shift.',
    spans: [{ start: 0, end: 5, type: 'NAME', value: 'Lydia' }],
  },
  {
    id: 'c366',
    text: 'My supervisor Ben Okoro encouraged me to present at the journal club.',
    spans: [{ start: 14, end: 23, type: 'NAME', value: 'Ben Okoro' }],
  },
  {
    id: 'c367',
    text: 'I worked at Wythenshawe for my elective and it was a great experience.',
    spans: [{ start: 12, end: 23, type: 'PLACE', value: 'Wythenshawe' }],
  },
  {
    id: 'c368',
    text: 'The nurses at Northvale General treat students as part of the team.',
    spans: [{ start: 14, end: 31, type: 'PLACE', value: 'Northvale General' }],
  },
  {
    id: 'c369',
    text: 'Please send the certificate to m.kowalczyk@student.kingsmead.ac.uk.',
    spans: [{ start: 31, end: 66, type: 'EMAIL', value: 'm.kowalczyk@student.kingsmead.ac.uk' }],
  },
  {
    id: 'c370',
    text: 'Ellie and Grace on the labour ward helped me get my births signed off.',
    spans: [
      { start: 0, end: 5, type: 'NAME', value: 'Ellie' },
      { start: 10, end: 15, type: 'NAME', value: 'Grace' },
    ],
  },
  {
    id: 'c371',
    text: 'The practice was very busy; GPs had no time for teaching in the afternoons.',
    spans: [],
  },
  {
    id: 'c372',
    text: 'Thanks to everyone in the community team, especially Nkechi and Harriet.',
    spans: [
      { start: 53, end: 59, type: 'NAME', value: 'Nkechi' },
      { start: 64, end: 71, type: 'NAME', value: 'Harriet' },
    ],
  },
  {
    id: 'c373',
    text: 'I had my OSCE practice with Dr Farouk, who was really encouraging.',
    spans: [{ start: 31, end: 37, type: 'NAME', value: 'Farouk' }],
  },
  {
    id: 'c374',
    text: 'My assessor, Mr Whitworth, never turned up to our final meeting.',
    spans: [{ start: 16, end: 25, type: 'NAME', value: 'Whitworth' }],
  },
  {
    id: 'c375',
    text: 'I was placed at Oakfield Primary Care Network and it was a mess.',
    spans: [{ start: 16, end: 45, type: 'ORGANISATION', value: 'Oakfield Primary Care Network' }],
  },
  {
    id: 'c376',
    text: 'Honor from the outreach team was fantastic with deteriorating patients.',
    spans: [{ start: 0, end: 5, type: 'NAME', value: 'Honor' }],
  },
  {
    id: 'c377',
    text: 'Marcus Lee (practice educator) checked on students every week.',
    spans: [{ start: 0, end: 10, type: 'NAME', value: 'Marcus Lee' }],
  },
  {
    id: 'c378',
    text: 'I want to work at Northvale Teaching Hospitals NHS Foundation Trust when I qualify.',
    spans: [
      {
        start: 18,
        end: 67,
        type: 'ORGANISATION',
        value: 'Northvale Teaching Hospitals NHS Foundation Trust',
      },
    ],
  },
  {
    id: 'c379',
    text: "The clinic on Ward 5? No, it was the one near Castlegate market, I can't remember the name.",
    spans: [
      { start: 14, end: 20, type: 'PLACE', value: 'Ward 5' },
      { start: 46, end: 56, type: 'PLACE', value: 'Castlegate' },
    ],
  },
];
