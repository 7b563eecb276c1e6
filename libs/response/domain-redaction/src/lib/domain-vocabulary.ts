/*
 * Words of NHS placement feedback that look like names to a generic recogniser (capitalised, unknown to a
 * general English lexicon) but identify nobody. This is vocabulary of the domain, not a list of people or
 * places: every set holds job titles, departments, systems, bodies and calendar words.
 */

const words = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

/** Titles always followed by a name: `dr jones` is a name even in lower case. */
export const strongTitles = words(`
  dr doctor mr mrs ms miss mx prof professor sir dame rev revd reverend
`);

/** Titles that are also ordinary nouns (`my sister`, `the nurse`): a name must look like one after them. */
export const weakTitles = words(`
  sister matron nurse midwife father brother auntie aunty uncle
`);

/** Nouns for the people a learner works with; a name often stands next to one (`my mentor Olu`). */
export const roleNouns = words(`
  mentor mentors supervisor supervisors assessor assessors educator educators preceptor preceptors tutor tutors
  lecturer lecturers manager managers consultant consultants registrar registrars sho shos fy1 fy2 f1 f2 gp gps
  doctor doctors nurse nurses sister sisters matron matrons midwife midwives pharmacist pharmacists technician
  technicians physio physios physiotherapist physiotherapists therapist therapists ot ots dietitian dietitians
  dietician radiographer radiographers sonographer paramedic paramedics odp odps porter porters housekeeper
  receptionist receptionists chaplain hca hcas anp anps acp acps clerk clerks coordinator coordinators
  facilitator facilitators officer officers trainer trainers lead leads leader colleague colleagues student
  students trainee trainees apprentice apprentices associate associates tna tnas patient patients resident
  surgeon surgeons anaesthetist anaesthetists psychiatrist psychiatrists psychologist psychologists worker
  workers assistant assistants secretary secretaries administrator admin buddy practitioner practitioners
  scientist scientists dentist dentists optometrist director head deputy boss fellow fellows houseman
  charge in-charge rn rns rmn cpn slt salt educator's mentor's supervisor's assessor's
`);

/** Clinical words that, capitalised in front of Ward/Unit/Centre, still name no particular place. */
export const genericPlaceWords = words(`
  acute medical medicine surgical surgery assessment admissions admission emergency intensive critical care high
  dependency coronary cardiac cardiology cardiothoracic respiratory renal stroke elderly older people persons
  maternity labour delivery postnatal antenatal neonatal newborn paediatric paediatrics children's childrens
  child adolescent adult adults day short stay ambulatory frailty general main outpatient outpatients endoscopy
  theatre theatres recovery dialysis burns plastics ear nose throat eye eyes ophthalmology gynaecology
  obstetrics urology vascular gastro gastroenterology palliative spinal neuro neurology neurosurgery liver
  transplant cancer oncology haematology breast fracture minor injuries injury urgent treatment walk-in birth
  midwife-led psychiatric inpatient inpatients secure forensic learning disability disabilities crisis eating
  disorders memory dementia health wellbeing staff student education training simulation clinical skills
  pharmacy aseptic dispensary radiology x-ray imaging physiotherapy occupational therapy therapies community
  mental district teaching university hospital hospitals primary secondary rehabilitation rehab discharge
  orthopaedic orthopaedics trauma elective emergency assessment observation obs isolation infectious diseases
  diabetes endocrine rheumatology dermatology sexual haemophilia lab laboratory pathology blood sciences
  medical-surgical integrated specialist regional national nhs the a an new old upper lower north south east
  west central city county hdu itu icu ccu cdu amu sau mau nicu picu scbu ed a&e ae
`);

/**
 * Capitalised words of the domain that a generic recogniser may take for a name or place: bodies, systems,
 * calendar words, languages. Lower case; compared after lower-casing.
 */
export const nonNameWords = words(`
  nhs trust trusts trust's foundation ward wards unit units theatre theatres band bands covid covid-19
  coronavirus datix systmone emis cerner epic lorenzo rio teams zoom moodle blackboard microsoft outlook excel
  eobs nervecentre epma medchart careflow badgernet healthroster allocate ice paris maxims winpath tpp
  nmc gmc hcpc gphc cqc ofsted rcn bma hee nhse nhsei gp gps osce osces ospe pad e-pad epad opal mdt mdts
  christmas easter eid ramadan diwali hanukkah vaisakhi lent advent halloween bonfire
  english welsh scottish irish british polish urdu punjabi bengali arabic romanian spanish portuguese french
  italian german hindi gujarati tamil somali chinese mandarin cantonese filipino tagalog nigerian ghanaian
  indian pakistani bangladeshi african asian caribbean european muslim christian jewish hindu sikh buddhist
  bame black white lgbt lgbtq lgbtq+
  freedom speak guardian health education england improvement medical surgical acute unit department
  outpatients clinic lounge discharge practice assessor supervisor academic educator clinical link lecturer
  manager sister charge nurse matron consultant registrar deanery dean postgraduate undergraduate foundation
  year programme apprenticeship placement placements university hospital hospitals infirmary
  monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays
  saturdays sundays january february march april may june july august september october november december
  uk england britain scotland wales europe
`);

/** Countries and larger areas: naming them identifies no placement, so they are left in. */
export const unidentifyingPlaces = words(`
  uk u.k. england britain great scotland wales ireland northern europe eu world america usa
`);

/** Words that end a name run: `Dr Patel and`, `Sister Ward on`. */
export const functionWords = words(`
  a an the and or but nor of on in at to from for with by as is was were are be been being has had have do did
  does this that these those it its his her their our my your me him them us we they he she i you who whom
  whose which what when where why how not no yes so too very also just only then than there here all any each
  every some most more less many much few one two three four five six seven eight nine ten first second third
  last next about after before during over under up down out off into onto upon via per
`);
