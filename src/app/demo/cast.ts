import type { DemoCompany, DemoContact } from './fakes/fake-intercom';

/** The people and companies of the demo workspace (all invented; e-mails on example.com). */
export const AGENTS = {
  lucia: { intercomId: '7012345', slackId: 'U0LUCIA001', name: 'Lucía Ferrer', email: 'lucia.ferrer@example.com' },
  tom: { intercomId: '7012346', slackId: 'U0TOM00001', name: 'Tom Baker', email: 'tom.baker@example.com' },
  irene: { intercomId: '7012347', slackId: 'U0IRENE001', name: 'Irene Soto', email: 'irene.soto@example.com' },
} as const;

export const MANAGERS = {
  head: { slackId: 'U0HEAD0001', name: 'Carmen Ruiz (head of support)', email: 'carmen.ruiz@example.com' },
  csm: { slackId: 'U0CSM00001', name: 'Pablo Gil (CSM)', email: 'pablo.gil@example.com' },
};

export const DEVELOPER = { accountId: '5f8a9c2d4e1b3a0069d4e7c1', displayName: 'Diego Martín (dev)' };

export const COMPANIES: DemoCompany[] = [
  { id: '6650a1b2c3d4e5f601234567', name: 'Calzados Ribera S.L.', plan: 'Platinum', keyAccount: true, hosting: 'saas', csmEmail: MANAGERS.csm.email },
  { id: '6650a1b2c3d4e5f601234568', name: 'Northwind Outdoor Ltd', plan: 'Gold', keyAccount: false, hosting: 'saas', csmEmail: MANAGERS.csm.email },
  { id: '6650a1b2c3d4e5f601234569', name: 'Ferretería Llobet', plan: 'Silver', keyAccount: true, hosting: 'saas', csmEmail: MANAGERS.csm.email },
  { id: '6650a1b2c3d4e5f60123456a', name: 'Bodegas Arlanza', plan: 'Bronze', keyAccount: false, hosting: 'saas' },
  { id: '6650a1b2c3d4e5f60123456b', name: 'Kestrel Labs Inc.', plan: 'Gold', keyAccount: false, hosting: 'self-hosted', csmEmail: MANAGERS.csm.email },
  { id: '6650a1b2c3d4e5f60123456c', name: 'Moda Sánchez', plan: 'Platinum', keyAccount: false, hosting: 'saas', csmEmail: MANAGERS.csm.email },
];

const contact = (id: string, name: string, email: string, companyId: string): DemoContact => ({ id, name, email, companyId });

export const CONTACTS = {
  marta: contact('65a1f0c2e4b0a1b2c3d4e5f6', 'Marta Quintana', 'marta.quintana@example.com', COMPANIES[0].id),
  james: contact('65a1f0c2e4b0a1b2c3d4e5f7', 'James Whitfield', 'james.whitfield@example.com', COMPANIES[1].id),
  jordi: contact('65a1f0c2e4b0a1b2c3d4e5f8', 'Jordi Llobet', 'jordi@example.com', COMPANIES[2].id),
  ana: contact('65a1f0c2e4b0a1b2c3d4e5f9', 'Ana Arlanza', 'ana.arlanza@example.com', COMPANIES[3].id),
  priya: contact('65a1f0c2e4b0a1b2c3d4e5fa', 'Priya Natarajan', 'priya@example.com', COMPANIES[4].id),
  rosa: contact('65a1f0c2e4b0a1b2c3d4e5fb', 'Rosa Sánchez', 'rosa.sanchez@example.com', COMPANIES[5].id),
};
