/*
 * Words of NHS placement feedback that look like names to a generic recogniser (capitalised, unknown to a
 * general English lexicon) but identify nobody. This is vocabulary of the domain, not a list of people or
 * places: the sets hold titles, roles, departments, systems, bodies, calendar and function words.
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

/** Where a learner says someone works: `Hope on the discharge lounge`, `Zainab from the pharmacy team`. */
export const workplaceWords = words(`
  ward wards unit team lounge reception nights days department service crew desk bay theatre theatres clinic lab
  pharmacy dispensary hdu itu icu ccu ed a&e amu nicu picu scbu office site floor shift shifts rota
`);

/** Clinical words that, capitalised in front of Ward/Unit/Centre, still name no particular place. */
export const genericPlaceWords = words(`
  acute medical medicine surgical surgery assessment admissions admission emergency intensive critical care high hosp
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
  west central city county hdu itu icu ccu cdu amu sau mau nicu picu scbu ed a&e ae ent ot slt salt odp
`);

/**
 * Capitalised words of the domain that a generic recogniser may take for a name or place: bodies, systems,
 * calendar words, languages. Lower case; compared after lower-casing.
 */
export const nonNameWords = words(`
  nhs trust trusts trust's foundation ward wards unit units theatre theatres band bands level levels covid covid-19 staff
  whatsapp facebook instagram twitter tiktok youtube google
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
  last next about after before during over under up down out off into onto upon via per once when while whilst
  until if because although though since unless nobody everybody everyone someone somebody anyone anybody none
  nothing everything something people staff
`);

/** Clinical and educational acronyms: an all-capitals word from this set is never taken for a site. */
export const clinicalAcronyms = words(`
  ae ane ed itu icu hdu ccu cdu amu sau mau eau cau nicu picu scbu pacu ent ot ots slt salt odp gp gps hca hcas rn
  rns rmn rnld rgn anp acp cns pa pas fy fy1 fy2 f1 f2 sho spr st1 st2 st3 ct1 ct2 imt cmt gpst osce osces pad mdt
  ecg ecgs ekg abg vbg cpr dnr dnacpr bls ils als iv im sc po prn ng peg tpn bp hr rr news news2 sbar dols mca
  mha cqc nmc gmc hcpc gphc rcn bma hee nhs nhse dh dhsc cpd pdp ppe ipc mrsa uti copd aki ckd mi stemi cva tia
  dvt pe ct mri pet uss cxr axr eeg tna tnas id it ehr epr emis tpp tto ttos edd csection svd lscs ivf cbt dbt
  camhs cmht iapt cpn ld mh ocd adhd asd ptsd bame lgbt uk eu who covid sars tb hiv aids hrt mdu mps
  ftsu hr pin dbs esr lms vle pgce msc bsc ba ma phd mbbs bds mpharm oscar sim hdu's icu's opd ooh mau's
`);

/**
 * National bodies a learner may name (`the Royal College of Nursing rep`, `Health Education England`): naming
 * them identifies no placement, so removals inside them are dropped.
 */
export const nationalBodies =
  /\b(?:(?:the\s+)?royal\s+college\s+of\s+[a-z&' ]*?(?:nursing|midwives|physicians|surgeons|general\s+practitioners|psychiatrists|paediatrics\s+and\s+child\s+health|anaesthetists|radiologists|emergency\s+medicine|obstetricians\s+and\s+gynaecologists|occupational\s+therapists|speech\s+and\s+language\s+therapists|pathologists|ophthalmologists)|health\s+education\s+england|nhs\s+(?:england|improvement|employers|digital|resolution)|care\s+quality\s+commission|nursing\s+and\s+midwifery\s+council|general\s+medical\s+council|general\s+pharmaceutical\s+council|health\s+and\s+care\s+professions\s+council|british\s+medical\s+association|chartered\s+society\s+of\s+physiotherapy|royal\s+pharmaceutical\s+society|department\s+of\s+health(?:\s+and\s+social\s+care)?|royal\s+voluntary\s+service|unison|unite\s+the\s+union)\b/gi;
