/**
 * The Quality Framework (2021) standard codes with short titles written for the self-assessment form.
 *
 * The framework is owned by the survey service; this is a deliberate copy of its codes (not its
 * statements) so the service can validate and order answers without reading survey's database.
 * When survey publishes a new edition, this list is updated with it.
 */
export interface PsaStandardDefinition {
  code: string;
  domainNumber: number;
  title: string;
}

export interface PsaDomainDefinition {
  number: number;
  title: string;
}

export const PSA_DOMAINS: readonly PsaDomainDefinition[] = [
  { number: 1, title: 'Learning environment and culture' },
  { number: 2, title: 'Educational governance and commitment to quality' },
  { number: 3, title: 'Developing and supporting learners' },
  { number: 4, title: 'Developing and supporting supervisors' },
  { number: 5, title: 'Delivering programmes and curricula' },
  { number: 6, title: 'Developing a sustainable workforce' },
];

const standard = (code: string, title: string): PsaStandardDefinition => ({
  code,
  domainNumber: Number(code.split('.')[0]),
  title,
});

export const PSA_STANDARDS: readonly PsaStandardDefinition[] = [
  standard('1.1', 'Education and training are valued and championed'),
  standard('1.2', 'Inclusive and supportive for learners of all backgrounds'),
  standard('1.3', 'Everyone, learners included, is treated fairly and with respect'),
  standard('1.4', 'A culture of continuous learning and routine feedback'),
  standard('1.5', 'Safe, effective, compassionate care for patients'),
  standard('1.6', 'The environment keeps all staff, learners included, safe'),
  standard('1.7', 'Everyone can speak up without fear'),
  standard('1.8', 'Sensitive to the diversity of learners and of the population served'),
  standard('1.9', 'Learners take part in quality improvement'),
  standard('1.10', 'Learning from the experience and outcomes of patients'),
  standard('1.11', 'Suitable educational facilities, space and IT'),
  standard('1.12', 'Multi-professional learning opportunities'),
  standard('1.13', 'Learners are proactive and lead their own learning'),
  standard('2.1', 'Visible, inclusive senior educational leadership'),
  standard('2.2', 'Senior ownership of equality, diversity and inclusion'),
  standard('2.3', 'Governance promotes fairness and challenges discrimination'),
  standard('2.4', 'Education is represented at the most senior level'),
  standard('2.5', 'Educational resources are allocated and accounted for'),
  standard('2.6', 'Self-assessment against the standards, with a response to concerns'),
  standard('2.7', 'Working with partner organisations on education'),
  standard('2.8', 'The impact of service changes on education is considered'),
  standard('3.1', 'Learners are encouraged to look after their health and wellbeing'),
  standard('3.2', 'Parity of access to learning, with reasonable adjustments'),
  standard('3.3', 'Differences in attainment are recognised and addressed'),
  standard('3.4', 'Learners in difficulty are identified and supported early'),
  standard('3.5', 'Clinical supervision matched to experience and competence'),
  standard('3.6', 'Educational supervision to meet the curriculum'),
  standard('3.7', 'Support to complete assessments'),
  standard('3.8', 'Learners are valued members of the team'),
  standard('3.9', 'Appropriate, effective and timely induction'),
  standard('3.10', 'Learners understand their role in care pathways'),
  standard('3.11', 'Learners are developed to supervise more junior staff'),
  standard('4.1', 'Supervisors can access health and wellbeing support'),
  standard('4.2', 'Supervisors have time in their job plans'),
  standard('4.3', 'Supervisors are trained for their role'),
  standard('4.4', "Clinical supervisors understand their learners' scope of practice"),
  standard('4.5', 'Educational supervisors know the curricula'),
  standard('4.6', "Clinical supervisors understand learners' support needs"),
  standard('4.7', 'Supervisor performance is appraised with feedback'),
  standard('5.1', 'Placements deliver the relevant parts of curricula'),
  standard('5.2', 'Partnership with programme leads on delivery and assessment'),
  standard('5.3', 'Helping to shape curricula with professional bodies'),
  standard('5.4', 'Innovative, multi-professional education delivery'),
  standard('5.5', 'Patients, service users and learners shape education delivery'),
  standard('5.6', 'Rotas and workload let learners attend teaching'),
  standard('6.1', 'Working to reduce avoidable learner attrition'),
  standard('6.2', 'Careers advice within the learning environment'),
  standard('6.3', 'Engagement in local workforce planning'),
  standard('6.4', 'A clear process for transition into employment'),
];

export const PSA_STANDARD_CODES: readonly string[] = PSA_STANDARDS.map((s) => s.code);
