/**
 * The HEE Quality Framework (2021 edition): 6 quality domains and their 49 numbered standards (1.1–6.4).
 *
 * Source: shared/seeds/004_522c87ccf50ce1c0.txt (the framework document). Statements and descriptors are
 * transcribed as the source words them; only the PDF line breaks are removed (wording, including the
 * source's own typos such as "leaners’" in 4.5, is kept).
 *
 * Descriptors: the source lists its quality descriptors per DOMAIN, not per standard. A descriptor is
 * attached to a standard here only where it plainly restates that one standard's subject (for example the
 * induction descriptor and standard 3.9). Descriptors that speak to several standards, or to none in
 * particular, are not attached to any standard rather than guessed; standards with no clear descriptor
 * have `descriptors: []`. Sub-bullets in the source are joined into their descriptor with semicolons.
 */

export interface QualityStandardDefinition {
  /** e.g. '1.1' */
  code: string;
  /** The full standard text, whitespace normalised. */
  statement: string;
  /** The quality descriptors the source gives for this standard, or []. */
  descriptors: readonly string[];
}

export interface QualityDomainDefinition {
  number: number;
  title: string;
  overview: string;
  standards: readonly QualityStandardDefinition[];
}

export interface QualityFrameworkEdition {
  /** e.g. '2021' */
  edition: string;
  title: string;
  publishedYear: number;
  domains: readonly QualityDomainDefinition[];
}

export const QUALITY_FRAMEWORK_2021: QualityFrameworkEdition = {
  edition: '2021',
  title: 'HEE Quality Framework',
  publishedYear: 2021,
  domains: [
    {
      number: 1,
      title: 'Learning environment and culture',
      overview:
        'This domain ensures that the learning environment and culture of education and training meets learners’ needs, are safe and open and provide high quality care and experience for patients and service users. ' +
        'The learning environment is multi-professional, with a culture that is fair, promotes EDI, and values and facilitates learning opportunities and support for all learner groups. ' +
        'The culture within the learning environment is one which models positive behaviours, both in terms of clinical practice and a proactive, self-directed approach to learning.',
      standards: [
        {
          code: '1.1',
          statement:
            'The learning environment is one in which education and training is valued and championed.',
          descriptors: [
            'The placement provider is explicit in the importance it places on learning, including recognising, promoting and supporting the vital role than all staff can play in creating and supporting a positive learning environment (for example, through role-modelling and both formal and informal supervision). There is a supportive environment within which learners are developed, encouraged and challenged to become reflective practitioners and lifelong learners, and where a deep rather than surface approach to learning is fostered.',
          ],
        },
        {
          code: '1.2',
          statement:
            'The learning environment is inclusive and supportive for learners of all backgrounds and from all professional groups.',
          descriptors: [],
        },
        {
          code: '1.3',
          statement:
            'The organisational culture is one in which all staff, including learners, are treated fairly, with equity, consistency, dignity and respect.',
          descriptors: [],
        },
        {
          code: '1.4',
          statement:
            'There is a culture of continuous learning, where giving and receiving constructive feedback is encouraged and routine.',
          descriptors: [],
        },
        {
          code: '1.5',
          statement:
            'Learners are in an environment that delivers safe, effective, compassionate care and prioritises a positive experience for patients and service users.',
          descriptors: [],
        },
        {
          code: '1.6',
          statement:
            'The environment is one that ensures the safety of all staff, including learners on placement.',
          descriptors: [
            'All staff, including learners and supervisors, have access to the necessary resources, facilities and equipment to ensure their safety within the workplace and to deliver safe clinical care.',
          ],
        },
        {
          code: '1.7',
          statement:
            'All staff, including learners, are able to speak up if they have any concerns, without fear of negative consequences.',
          descriptors: [
            'There is a culture, systems and processes that enable all staff, including learners and supervisors, to raise concerns about clinical safety and the standard of care, and of education and training, openly and safely without fear of adverse consequences. Learners feel secure and able to raise concerns about bullying and undermining.',
          ],
        },
        {
          code: '1.8',
          statement:
            'The environment is sensitive to both the diversity of learners and the population the organisation serves.',
          descriptors: [],
        },
        {
          code: '1.9',
          statement:
            'There are opportunities for learners to take an active role in quality improvement initiatives, including participation in improving evidence-led practice activities and research and innovation.',
          descriptors: [
            'Opportunities for learners and supervisors to undertake activity and learning that drives quality improvement in service and education and training, to the benefit of the wider health and care service, are supported.',
          ],
        },
        {
          code: '1.10',
          statement:
            'There are opportunities to learn constructively from the experience and outcomes of patients and service users, whether positive or negative.',
          descriptors: [],
        },
        {
          code: '1.11',
          statement:
            'The learning environment provides suitable educational facilities for both learners and supervisors, including space and IT facilities, and access to library and knowledge services and specialists.',
          descriptors: [
            'Learners have access to WiFi and IT equipment to support educational activities (such as technology enhanced learning, research, assessment and completion of electronic portfolios). Supervisors also have access to suitable IT facilities to enable fulfilment of their roles.',
            'Learners and supervisors have access to quality assured knowledge and library services to support education, research and decision making in line with the Knowledge for Healthcare Strategic Framework 2021-2026.',
          ],
        },
        {
          code: '1.12',
          statement: 'The learning environment promotes multi-professional learning opportunities.',
          descriptors: [
            'Every learner is supported to be an effective member of the multi-professional team through the promotion of a positive culture of learning and collaboration between all learner groups (across professions, disciplines and specialties).',
          ],
        },
        {
          code: '1.13',
          statement:
            'The learning environment encourages learners to be proactive and take a lead in accessing learning opportunities and take responsibility for their own learning.',
          descriptors: [],
        },
      ],
    },
    {
      number: 2,
      title: 'Educational governance and commitment to quality',
      overview:
        'This domain promotes a commitment to quality and ensures that all placement providers have effective arrangements for educational governance and leadership to manage and improve the quality of education and training. It also requires providers to work collaboratively with HEE and other stakeholders in this endeavour.',
      standards: [
        {
          code: '2.1',
          statement:
            'There is clear, visible and inclusive senior educational leadership, with responsibility for all relevant learner groups, which is joined up and promotes team-working and both a multi-professional and, where appropriate, inter-professional approach to education and training.',
          descriptors: [
            'There are named senior leaders with responsibility and accountability for education and training quality. The educational leadership is joined-up to ensure a multi-professional oversight of the learning environment and to promote and facilitate multi-professional and inter-professional learning where appropriate.',
          ],
        },
        {
          code: '2.2',
          statement:
            'There is active engagement and ownership of EDI in education and training at a senior level.',
          descriptors: [
            'The governance arrangements promote and support the development and sharing of EDI good practice in education and training and there are named senior leaders with responsibility and accountability for EDI in education and training.',
          ],
        },
        {
          code: '2.3',
          statement:
            'The governance arrangements promote fairness in education and training and challenge discrimination.',
          descriptors: [],
        },
        {
          code: '2.4',
          statement:
            'Education and training issues are fed into, considered and represented at the most senior level of decision making.',
          descriptors: [
            'There is an explicit and clear line of accountability to the Board of the organisation or equivalent senior decision-making body, with a process for regular reporting.',
          ],
        },
        {
          code: '2.5',
          statement:
            'The provider can demonstrate how educational resources (including financial) are allocated and used.',
          descriptors: [
            'The appropriate use of educational resources for the purposes they are intended (including financial allocations via the NHS Education Contract and other sources) can be clearly demonstrated.',
            'The appropriate allocation and use of educational resources can be demonstrated, including support for supervision roles (such as allocated time in job plans), learning infrastructure and learning resources.',
          ],
        },
        {
          code: '2.6',
          statement:
            'Educational governance arrangements enable organisational self-assessment of performance against the quality standards, an active response when standards are not being met, as well as continuous quality improvement of education and training.',
          descriptors: [
            'Effective, transparent and clearly understood educational governance arrangements and processes are in place to effectively evaluate, manage and improve the quality of education and training.',
          ],
        },
        {
          code: '2.7',
          statement:
            'There is proactive and collaborative working with other partner and stakeholder organisations to support effective delivery of healthcare education and training and spread good practice.',
          descriptors: [],
        },
        {
          code: '2.8',
          statement:
            'Consideration is given to the potential impact on education and training of services changes (i.e. service re-design / service reconfiguration), taking into account the views of learners, supervisors and key stakeholders (including HEE and Education Providers).',
          descriptors: [],
        },
      ],
    },
    {
      number: 3,
      title: 'Developing and supporting learners',
      overview:
        'This domain ensures that learners receive appropriate supervision and support, clinically and educationally, to enable them to gain the knowledge, skills and behaviour required by their curriculum / programme. It also requires providers to promote and support EDI.',
      standards: [
        {
          code: '3.1',
          statement:
            'Learners are encouraged to access resources to support their physical and mental health and wellbeing as a critical foundation for effective learning.',
          descriptors: [
            'Learners have access to, and are encouraged to utilise, resources to support their physical and mental health and wellbeing, including: opportunities and encouragement to enable them to lead healthy lives; confidential counselling services; careers advice and support; occupational health services.',
          ],
        },
        {
          code: '3.2',
          statement:
            'There is parity of access to learning opportunities for all learners, with providers making reasonable adjustments where required.',
          descriptors: [],
        },
        {
          code: '3.3',
          statement:
            'The potential for differences in educational attainment is recognised and learners are supported to ensure that any differences do not relate to protected characteristics.',
          descriptors: [
            'Strategies are in place to reduce the potential for differential attainment (based on protected characteristics) through excellent and inclusive education and training, including: tailored training resources that help respond to local EDI issues; enhanced induction for international learners and those new to the NHS; enhanced supervision to identify support needs early; coordinated enhanced support, including resources/training in communication, portfolios and exam preparation; awareness building and promotion of local networks, buddying/mentoring schemes and EDI champions; supervisor development/training to support EDI themes and the response to differences in attainment.',
          ],
        },
        {
          code: '3.4',
          statement:
            'Supervision arrangements enable learners in difficulty to be identified and supported at the earliest opportunity.',
          descriptors: [],
        },
        {
          code: '3.5',
          statement:
            'Learners receive clinical supervision appropriate to their level of experience, competence and confidence, and according to their scope of practice.',
          descriptors: [
            'Learners receive adequate and appropriate clinical supervision and are informed who is responsible for their supervision and who (and how) to ask for help should they feel that they need it. Supervision should comply with the respective regulatory and professional requirements.',
          ],
        },
        {
          code: '3.6',
          statement:
            'Learners receive the educational supervision and support to be able to demonstrate what is expected in their curriculum or professional standards to achieve the learning outcomes required.',
          descriptors: [
            'Every learner must have access to a named individual responsible for overseeing their educational progression during the course of their placement. In cases where the named individual providing this support is external to the organisation, learners are supported to access this resource.',
          ],
        },
        {
          code: '3.7',
          statement:
            'Learners are supported to complete appropriate summative and/or formative assessments to evidence that they are meeting their curriculum, professional and regulatory standards, and learning outcomes.',
          descriptors: [],
        },
        {
          code: '3.8',
          statement:
            'Learners are valued members of the healthcare teams within which they are placed and enabled to contribute to the work of those teams.',
          descriptors: [
            'Learners’ active roles within, and contribution to, teams is recognised and utilised, with appropriate responsibility, autonomy and exposure to risk.',
          ],
        },
        {
          code: '3.9',
          statement:
            'Learners receive an appropriate, effective and timely induction and introduction into the clinical learning environment.',
          descriptors: [
            'Learners receive a timely induction (in some cases this may involve both a corporate and departmental induction), which includes as a minimum: their role in the team; how to gain support from senior colleagues; any clinical guidelines and policies they must follow; how to access clinical and learning resources; how to raise concerns about patient safety, standards of care, and education and training (including who the Freedom to Speak Up Guardian is (where applicable) and how they can be contacted); the learner’s duties and supervision arrangements.',
          ],
        },
        {
          code: '3.10',
          statement:
            'Learners understand their role and the context of their placement in relation to care pathways, journeys and expected outcomes of patients and service users.',
          descriptors: [],
        },
        {
          code: '3.11',
          statement:
            'Learners are supported, and developed, to undertake supervision responsibilities with more junior staff as appropriate.',
          descriptors: [
            'Learners are supported and developed to supervise more junior staff where appropriate. This may include clinical supervision, teaching and assessing others.',
          ],
        },
      ],
    },
    {
      number: 4,
      title: 'Developing and supporting supervisors',
      overview:
        'This domain ensures that supervisors are selected, trained, appraised and receive the support, resources and time they need to deliver effective education, training and clinical oversight, including support for their professional development.',
      standards: [
        {
          code: '4.1',
          statement:
            'Supervisors can easily access resources to support their physical and mental health and wellbeing',
          descriptors: [
            'The importance of supervisor wellbeing for delivering high quality supervision is recognised, and supervisors have access to resources to support their health and wellbeing, including: opportunities and encouragement to enable them to lead healthy lives; confidential counselling services; careers advice and support; occupational health services.',
          ],
        },
        {
          code: '4.2',
          statement:
            'Formally recognised supervisors are appropriately supported, with allocated time in job plans/ job descriptions, to undertake their roles.',
          descriptors: [
            'Supervisors have appropriate allocated time to meet their responsibilities within job plans (and/or job descriptions), including undertaking summative and formative assessments of learners, so that they can carry out their role in a way that promotes safe and effective care and a positive learning experience.',
          ],
        },
        {
          code: '4.3',
          statement:
            'Those undertaking formal supervision roles are appropriately trained as defined by the relevant regulator and/or professional body and in line with any other standards and expectations of partner organisations (e.g. Education Provider, HEE).',
          descriptors: [
            'Supervisors are selected against suitable criteria, receive an appropriate induction to their role, and have access to appropriate professional development and training.',
          ],
        },
        {
          code: '4.4',
          statement:
            'Clinical Supervisors understand the scope of practice and expected competence of those they are supervising.',
          descriptors: [
            'Clinical supervisors are supported to know the scope of practice and expected competence of those under their supervision.',
          ],
        },
        {
          code: '4.5',
          statement:
            'Educational Supervisors are familiar with, understand and are up-to-date with the curricula of the learners they are supporting. They also understand their role in the context of leaners’ programmes and career pathways, enhancing their ability to support learners’ progression.',
          descriptors: [
            'Educational supervisors are supported to be familiar with the learners’ programme/curriculum, and their scope of practice, and have the ability to select and support a range of appropriate learning opportunities commensurate with the learners’ needs. Where appropriate, additional forms of supervision should be offered, for example, group supervision, Balint groups and Schwartz Rounds.',
          ],
        },
        {
          code: '4.6',
          statement:
            'Clinical supervisors are supported to understand the education, training and any other support needs of their learners.',
          descriptors: [
            'Supervisors are supported to liaise with each other to make sure they have a consistent approach to education and training, both locally and across specialties, professions and all learner groups, and that there is shared understanding of learners’ education, training and any other support needs.',
          ],
        },
        {
          code: '4.7',
          statement:
            'Supervisor performance is assessed through appraisals or other appropriate mechanisms, with constructive feedback and support provided for continued professional development and role progression and/or when they may be experiencing difficulties and challenges.',
          descriptors: [
            'Supervisors are formally and meaningfully appraised against their supervision responsibilities (for example, via 360-degree feedback from those they supervise) and encouraged to take responsibility for ensuring that this takes place.',
          ],
        },
      ],
    },
    {
      number: 5,
      title: 'Delivering programmes and curricula',
      overview:
        'This domain ensures that programmes and curricula (including assessments) are developed and delivered in accordance with professional regulator, college and/or Education Provider requirements and respond to the emerging models of care and service transformation. Placement providers have the freedom and flexibility to deliver curricula in innovative and creative ways.',
      standards: [
        {
          code: '5.1',
          statement:
            'Practice placements must enable the delivery of relevant parts of curricula and contribute as expected to training programmes.',
          descriptors: [
            'Notwithstanding exceptional circumstances (which would be highlighted to relevant stakeholders such as HEE or an education provider through established channels), practice placements contribute as expected to the experience required for curriculum / programme delivery. Work undertaken by learners provides learning opportunities and feedback on performance and gives an appropriate breadth and depth of experience to meet individual learner needs. This requires a suitable balance between education and service provision, and adequate staffing levels and supervision capacity.',
          ],
        },
        {
          code: '5.2',
          statement:
            'Placement providers work in partnership with programme leads in planning and delivery of curricula and assessments.',
          descriptors: [
            'Placement providers must work with programme leads to ensure that learning opportunities of placements continue to meet curriculum needs.',
          ],
        },
        {
          code: '5.3',
          statement:
            'Placement providers collaborate with professional bodies, curriculum/ programme leads and key stakeholders to help to shape curricula, assessments and programmes to ensure their content is responsive to changes in treatments, technologies and care delivery models, as well as a focus on health promotion and disease prevention.',
          descriptors: [],
        },
        {
          code: '5.4',
          statement:
            'Placement providers proactively seek to develop new and innovative methods of education delivery, including multi-professional approaches.',
          descriptors: [
            'Placement providers should proactively develop and implement new and innovative ways of delivering teaching and learning to enhance the curricula and learner experience.',
          ],
        },
        {
          code: '5.5',
          statement:
            'The involvement of patients and service users, and also learners, in the development of education delivery is encouraged.',
          descriptors: [],
        },
        {
          code: '5.6',
          statement:
            'Timetables, rotas and workload enable learners to attend planned/ timetabled education sessions needed to meet curriculum requirements.',
          descriptors: [
            'Learners receive sufficient, protected time to attend education sessions and those facilitating these sessions have the support and resources to plan and ensure their delivery.',
          ],
        },
      ],
    },
    {
      number: 6,
      title: 'Developing a sustainable workforce',
      overview:
        'Underpins the other five domains by acknowledging that in order to realise our collective endeavour to support and improve the quality of education and training, we must also significantly improve the retention, progression and development of the whole workforce.',
      standards: [
        {
          code: '6.1',
          statement:
            'Placement providers work with other organisations to mitigate avoidable learner attrition from programmes.',
          descriptors: [
            'The provider must jointly collect and analyse data to evaluate improvements to attrition levels and the impact on potential workforce supply.',
          ],
        },
        {
          code: '6.2',
          statement:
            'There are opportunities for learners to receive appropriate careers advice from colleagues within the learning environment, including understanding other roles and career pathway opportunities.',
          descriptors: [
            'Providers have in place the infrastructure and resources to provide information and advice to support career planning decisions and enable learners to appreciate the range of career opportunities available, which may support new and innovative ways of working.',
          ],
        },
        {
          code: '6.3',
          statement:
            'The provider engages in local workforce planning to ensure it supports the development of learners who have the skills, knowledge and behaviours to meet the changing needs of patients and service.',
          descriptors: [
            'Providers engage in workforce planning and development in partnership with wider health and care partners. Planned educational provision and investment reflects the outcomes of the shared workforce planning.',
          ],
        },
        {
          code: '6.4',
          statement:
            'Transition from a healthcare education programme to employment and/or, where appropriate, career progression, is underpinned by a clear process of support developed and delivered in partnership with the learner.',
          descriptors: [
            'Providers must proactively develop and implement activities that will support individual learners to successfully transition from their education programme to employment. Feedback from learners needs to be utilised to develop activities and outcomes evaluated to assess the impact on retention levels and spread good practice.',
          ],
        },
      ],
    },
  ],
};
