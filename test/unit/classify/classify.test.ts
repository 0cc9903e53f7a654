import { classify } from '../../../src/domain/classify/classify';
import { ClassificationSchema } from '../../../src/domain/events';
import { classifyWith, conversation, shippedRules } from './rules-fixture';

const { compiled } = shippedRules();
const c = classifyWith(compiled);
/** The rules alone: for the voting mechanisms themselves (defaults, doubt), which the model's votes would blur. */
const rulesOnly = classifyWith(shippedRules({ model: false }).compiled);
const fired = (r: ReturnType<typeof c>) => r.rules.map((x) => x.id);

describe('type: consulta, incidencia or evolutivo', () => {
  it.each([
    ['es', '¿Cómo puedo cambiar el texto del banner de la portada?'],
    ['en', 'Hi, where do I set the minimum order amount?'],
    ['es', '¿Hay alguna forma de programar una oferta para el lunes?'],
    ['en', 'Is there a way to hide out-of-stock products from the category pages?'],
  ])('a how-to or configuration question is a consulta (%s)', (_lang, body) => {
    expect(c(body).type).toBe('consulta');
  });

  it.each([
    ['es', 'Hola, desde ayer al pulsar "Descargar factura" sale un error 500.'],
    ['en', 'Since this morning the order confirmation emails are not being sent.'],
    ['es', 'El buscador ha dejado de funcionar después de la actualización.'],
    ['en', 'The product images stopped loading yesterday, we only see broken icons.'],
  ])('something broken is an incidencia (%s)', (_lang, body) => {
    expect(c(body).type).toBe('incidencia');
  });

  it.each([
    ['es', 'Queremos integrar la tienda con Holded. ¿Nos pasáis presupuesto?'],
    ['en', 'We would like a gift card feature on the shop. Please send us a quote.'],
    ['es', 'Nos gustaría rediseñar la ficha de producto con un carrusel nuevo.'],
  ])('a change request is an evolutivo (%s)', (_lang, body) => {
    expect(c(body).type).toBe('evolutivo');
  });

  it.each([
    ['es', 'Necesitamos una formación sobre la gestión de devoluciones para el equipo nuevo.'],
    ['en', 'Could you organise a training session on the reporting module for our analysts?'],
  ])('training on request (formación) is an evolutivo (%s)', (_lang, body) => {
    const r = c(body);
    expect(r.type).toBe('evolutivo');
    expect(fired(r)).toContain('evolutivo.training');
  });

  it.each([
    ['es', 'Creo que hay un fallo en el menú: las categorías salen en gris y deberían salir en azul. Siempre ha sido así, pero no nos gusta. ¿Lo podéis cambiar?'],
    ['en', 'I think there is a bug on the cart page: the button is grey and should be green. It has always been like that but we want it changed.'],
  ])('a change request phrased as a bug is an evolutivo (%s)', (_lang, body) => {
    const r = c(body);
    expect(r.type).toBe('evolutivo');
    expect(fired(r)).toContain('evolutivo.change-phrased-as-bug');
  });

  it('a regression ("it worked until the update") is an incidencia, not a change request', () => {
    expect(c('Los precios salían bien hasta la actualización del lunes y ahora deberían verse con IVA y no se ven.').type).toBe('incidencia');
  });

  it.each([
    ['es', '¿Me podéis explicar de una vez cómo se configura el envío gratis? Es la tercera vez que lo pregunto y estoy muy descontento con el soporte.'],
    ['en', 'Why is it so hard to find how to export my customers? I am really fed up with your documentation. How do I do it?'],
  ])('a question asked angrily is still a consulta, and a complaint (%s)', (_lang, body) => {
    const r = c(body);
    expect(r.type).toBe('consulta');
    expect(r.flags.complaint).toBe(true);
  });

  it('a fault that is really a setting is a consulta when the customer asks where to change it', () => {
    expect(c('Los precios salen sin IVA y queremos que se vean con IVA. ¿Dónde se cambia esa configuración?').type).toBe('consulta');
  });

  it('a message with no signal is a consulta of low confidence: the agent decides', () => {
    const r = c('Hola, buenos días.');
    expect(r.type).toBe('consulta');
    expect(r.lowConfidence).toBe(true);
    expect(r.confidence).toBeLessThan(0.6);
  });

  it('a clear message is not low confidence', () => {
    const r = c('Desde esta mañana nadie puede comprar: el botón de pagar da error en el checkout.');
    expect(r.lowConfidence).toBe(false);
    expect(r.confidence).toBeGreaterThanOrEqual(0.6);
  });
});

describe('incident priority by business impact', () => {
  it.each([
    ['es', 'La tienda está caída desde las 10, sale una página en blanco y los clientes no pueden entrar.'],
    ['es', 'Desde la importación de anoche no deja añadir productos al carrito. Ningún cliente puede hacer pedidos.'],
    ['en', 'Since noon the checkout is blocked: nobody can place an order.'],
    ['en', 'Our website is down for everyone, it shows "502 Bad Gateway".'],
  ])('Muy Alta only when end users cannot buy (%s)', (_lang, body) => {
    expect(c(body).priority).toBe('Muy Alta');
  });

  it.each([
    ['es', 'El checkout va lentísimo, cada paso tarda 15 segundos. Los pedidos acaban entrando pero muchos abandonan.'],
    ['en', 'Shipping to Germany is calculated wrong since yesterday. Orders go through but we lose money.'],
    ['es', 'Desde el cambio del conector los pedidos no se están enviando al ERP. Nuestro fichero no ha cambiado.'],
    ['en', 'The discount code is applied twice at checkout since the release.'],
  ])('Alta when buying works but is seriously hampered (%s)', (_lang, body) => {
    expect(c(body).priority).toBe('Alta');
  });

  it('a blockage that spares some customers or options is Alta, not Muy Alta', () => {
    expect(c('Con recogida en tienda no se puede terminar la compra desde el martes; con envío a domicilio sí funciona.').priority).toBe('Alta');
    expect(c('Since the update some customers cannot pay with PayPal; card payments work.').priority).toBe('Alta');
  });

  it.each([
    ['es', 'El formulario de contacto da error al enviar desde el lunes.'],
    ['en', 'Customers cannot change their password in My account since Friday; buying works.'],
    ['es', 'Al registrarse, los clientes nuevos ven "Ha ocurrido un error" y no se crea la cuenta.'],
  ])('Media for operational problems: registration, contact form, account area (%s)', (_lang, body) => {
    expect(c(body).priority).toBe('Media');
  });

  it.each([
    ['es', 'En la encuesta de satisfacción hay una errata: pone "pedio" en vez de "pedido". ¿La podéis corregir?'],
    ['en', 'The review stars are misaligned on mobile product pages, please fix.'],
    ['es', 'La versión en inglés de la web tiene textos mal traducidos en el pie de página.'],
  ])('Baja for cosmetic or low-impact problems (%s)', (_lang, body) => {
    expect(c(body).priority).toBe('Baja');
  });

  it.each([
    ['es', '¡¡URGENTE!! El logo de la cabecera se ve pixelado. Arregladlo hoy por favor.'],
    ['en', 'URGENT!!! The footer icon links to our old Facebook page. Fix it today please.'],
  ])('a customer\'s "URGENTE" alone does not raise an incident\'s priority (%s)', (_lang, body) => {
    const r = c(body);
    expect(r.type).toBe('incidencia');
    expect(r.priority).toBe('Baja');
  });

  it('when in doubt between two priorities, a key account gets the higher one', () => {
    // Votes for Alta (wrong totals) and Media (customer account area) are close.
    const body = 'En Mi cuenta los totales de los pedidos anteriores no cuadran desde ayer.';
    const plain = rulesOnly(body);
    const ka = rulesOnly(body, { tags: ['KA'] });
    expect(plain.type).toBe('incidencia');
    expect(ka.flags.keyAccount).toBe(true);
    expect(['Alta', 'Media']).toContain(plain.priority);
    expect(ka.priority).toBe('Alta');
  });

  it('a priority without an impact signal falls back to the configured default (Media)', () => {
    expect(c('Tenemos un problema con la web desde ayer, sale un error.').priority).toBe('Media');
  });

  it('consultas and evolutivos carry no incident priority', () => {
    expect(c('¿Cómo se cambia el logo?').priority).toBeNull();
    expect(c('Queremos un blog nuevo en la tienda, ¿presupuesto?').priority).toBeNull();
  });
});

describe('evolutivo criticality, as the customer demands', () => {
  it.each([
    ['es', 'Queremos añadir Bizum como método de pago. Es urgente, lo necesitamos antes del día 15.', 'Urgente'],
    ['en', 'We need a new landing page before next Friday, it is urgent. Please quote.', 'Urgente'],
    ['es', 'Queremos integrar la tienda con Mailchimp el mes que viene. ¿Presupuesto?', 'Media'],
    ['en', 'We would like a wishlist feature within the month. Could you estimate it?', 'Media'],
    ['es', 'Nos gustaría poder exportar los pedidos a Excel. Sin prisa, cuando podáis.', 'Baja'],
    ['en', 'Could you add a size guide to the product page? No rush at all. Please quote.', 'Baja'],
    ['en', 'We want a custom report of alerts per analyst. Not urgent. Please quote.', 'Baja'],
  ])('%s: %s → %s', (_lang, body, expected) => {
    const r = c(body);
    expect(r.type).toBe('evolutivo');
    expect(r.evoCriticality).toBe(expected);
  });

  it('with no demand, the configured default (Baja)', () => {
    expect(rulesOnly('Queremos un configurador de productos nuevo. ¿Presupuesto?').evoCriticality).toBe('Baja');
  });
});

describe('flags', () => {
  it.each([
    ['es', 'Es la segunda vez este mes que se cae la web. Estamos muy molestos, esto es inaceptable.'],
    ['en', 'We asked for a quote three weeks ago and still have no answer. Frankly disappointed.'],
    ['es', 'Quiero poner una queja formal por el trato recibido.'],
  ])('complaint: clear dissatisfaction (%s)', (_lang, body) => {
    expect(c(body).flags.complaint).toBe(true);
  });

  it.each([
    ['es', 'Perdonad las molestias, ¿cómo se cambia el horario de la tienda?'],
    ['en', 'Orders go through but customers are complaining about the wrong totals since yesterday.'],
    ['es', 'URGENTE: el logo sale pixelado.'],
  ])('not a complaint: politeness, end customers complaining, urgency (%s)', (_lang, body) => {
    expect(c(body).flags.complaint).toBe(false);
  });

  it.each([
    ['es', 'Hola, dos dudas que no tienen que ver: ¿cómo se ordena una categoría? Y por otro lado, ¿se puede ocultar un producto?'],
    ['en', 'Two separate issues: the newsletter popup shows twice, and separately the invoices have the wrong address.'],
  ])('multiTopic: several unrelated matters (%s)', (_lang, body) => {
    expect(c(body).flags.multiTopic).toBe(true);
  });

  it('one topic with "también" is not multi-topic', () => {
    expect(c('El formulario de registro falla y también el de recuperar contraseña da el mismo error.').flags.multiTopic).toBe(false);
  });

  it.each([
    ['es', '¿Me podéis llamar esta tarde para verlo? 600 000 000'],
    ['en', 'Could someone give me a call to go through it?'],
    ['es', 'Prefiero hablarlo por teléfono, llamadme cuando podáis.'],
  ])('phoneRequest: asks for a call (%s)', (_lang, body) => {
    expect(c(body).flags.phoneRequest).toBe(true);
  });

  it('a customer waiting on the phone is not a phone request', () => {
    expect(c('URGENT: how do I cancel an order? The customer is waiting on the phone.').flags.phoneRequest).toBe(false);
  });

  it('records whether the plan includes phone support (default table, or the plans section)', () => {
    const body = '¿Me podéis llamar?';
    expect(c(body, { plan: 'Platinum' }).phoneIncludedInPlan).toBe(true);
    expect(c(body, { plan: 'Bronze' }).phoneIncludedInPlan).toBe(false);
    expect(classify(conversation(body, { plan: 'Bronze' }), compiled, { phoneSupportByPlan: { Bronze: true } }).phoneIncludedInPlan).toBe(true);
    expect(classify({ ...conversation(body), company: { plan: null, tags: [], hosting: null } }, compiled).phoneIncludedInPlan).toBeNull();
  });

  it.each([
    ['es', 'La fibra de la oficina va fatal, ¿nos recomendáis otro operador de internet?'],
    ['en', 'Could you draft the terms and conditions for our new rental service?'],
    ['es', 'La impresora del almacén se atasca, ¿sabéis cómo arreglarla?'],
  ])('outOfScope: outside support, and still a consulta (%s)', (_lang, body) => {
    const r = c(body);
    expect(r.flags.outOfScope).toBe(true);
    expect(r.type).toBe('consulta');
  });

  it.each([
    ['es', 'Hola, la web va mal. ¿Lo podéis mirar?'],
    ['en', 'Something is wrong with the payments, can you check?'],
    ['es', 'Los usuarios tienen problemas para entrar. No sé desde cuándo.'],
  ])('missingInfo: a vague incident (%s)', (_lang, body) => {
    const r = c(body);
    expect(r.type).toBe('incidencia');
    expect(r.flags.missingInfo).toBe(true);
  });

  it('not missingInfo when the customer gave the error, the steps and since when', () => {
    const r = c('Desde ayer, al pulsar "Pagar" sale "Error 500". Pasos: añadir un producto, ir al checkout, pagar. Lo hemos probado en Chrome y Safari.');
    expect(r.flags.missingInfo).toBe(false);
  });

  it('missingInfo is only asked for incidents', () => {
    expect(c('Algo va mal con la configuración, ¿cómo se configura el IVA?').flags.missingInfo).toBe(false);
  });

  it('keyAccount comes from the company tag, whatever the case', () => {
    expect(c('¿Cómo se cambia el logo?', { tags: ['ka'] }).flags.keyAccount).toBe(true);
    expect(c('¿Cómo se cambia el logo?', { tags: ['B2B'] }).flags.keyAccount).toBe(false);
  });
});

describe('robust matching', () => {
  it('copes with missing accents, capitals and common misspellings', () => {
    expect(c('NO PODEMOS COMPRAR, EL CHEKOUT NO FUNCIONA PARA NADIE').priority).toBe('Muy Alta');
    expect(c('queremos integrar el erp, nos pasais presupesto?').type).toBe('evolutivo');
    expect(c('es urjente, lo necesitamos antes del 3. queremos un modulo nuevo, presupuesto?').evoCriticality).toBe('Urgente');
  });

  it('matches word forms', () => {
    expect(c('Las facturas de Mi cuenta no se descargan desde el martes.').priority).toBe('Media');
    expect(c('La web está lentísima desde el lunes.').priority).toBe('Alta');
  });
});

describe('explainability and contract', () => {
  it('reports each rule that fired with the text it matched', () => {
    const r = c('Desde esta mañana nadie puede comprar en la tienda.');
    const rule = r.rules.find((x) => x.id === 'priority.muy-alta.cannot-buy');
    expect(rule?.matched).toBe('nadie puede comprar');
  });

  it('detects the reply language from the text', () => {
    expect(c('Hello, how do I add a new shipping method to the shop?').language).toBe('en');
    expect(c('Hola, ¿cómo añado un método de envío nuevo en la tienda?').language).toBe('es');
  });

  it('produces a valid Classification event payload', () => {
    expect(() => ClassificationSchema.parse(c('La tienda no carga, nadie puede entrar.'))).not.toThrow();
  });

  it('is deterministic', () => {
    const body = 'Dos cosas: el checkout va lento y queremos un blog nuevo. ¿Presupuesto? Llamadme.';
    expect(c(body)).toEqual(c(body));
  });
});

describe('several topics in one message', () => {
  it('a problem reported with an unrelated question or request makes an incidencia (the rest is split off)', () => {
    const r = c('Hola, un par de cosas que no tienen que ver: el buscador no encuentra productos desde ayer, y por otro lado, ¿cómo cambio el email de los avisos?');
    expect(r.flags.multiTopic).toBe(true);
    expect(r.type).toBe('incidencia');
    const en = c('Hi, the blog comments are not showing since Monday. Also, unrelated, we would like a quote for a loyalty programme.');
    expect(en.flags.multiTopic).toBe(true);
    expect(en.type).toBe('incidencia');
  });

  it('two questions stay a consulta, two change requests an evolutivo', () => {
    expect(c('Dos dudas distintas: ¿cómo se cambia la moneda? Y aparte, ¿se pueden ocultar los productos sin stock?').type).toBe('consulta');
    expect(c('Queremos dos cosas distintas: un blog y un configurador de producto. ¿Presupuesto de cada una?').type).toBe('evolutivo');
  });
});

describe('second-author families (fresh sets): impact read from the affected area, not from words in passing', () => {
  it.each([
    ['en', 'Customers cannot create an account, the sign-up page throws an error. Guest checkout still works.'],
    ['es', 'Los clientes no pueden registrarse, el alta da error. La compra sigue funcionando como invitado.'],
  ])('a "checkout still works" clause does not make a registration problem Alta (%s)', (_lang, body) => {
    expect(c(body).priority).toBe('Media');
  });

  it.each([
    ['en', 'In the back office, importing the products CSV fails with error 500 since Monday.'],
    ['es', 'En el panel de administración, exportar los pedidos a Excel da un error desde ayer.'],
  ])('a failing back-office operation is Media (%s)', (_lang, body) => {
    expect(c(body).priority).toBe('Media');
  });

  it.each([
    ['en', 'On the German checkout page one heading appears twice. Everything works, it just looks odd.', ['KA']],
    ['es', 'En la ficha de producto el título sale repetido. Todo funciona, solo queda feo.', ['KA']],
  ])('"it works, it just looks odd" is Baja even for a key account (%s)', (_lang, body, tags) => {
    expect(c(body, { tags }).priority).toBe('Baja');
  });

  it.each([
    ['en', 'Could you add a size filter to the category pages? Our customers keep asking for it.'],
    ['es', '¿Podéis añadir un filtro por talla? Los clientes nos lo piden mucho.'],
  ])('customers asking for something is a change request, not a symptom (%s)', (_lang, body) => {
    expect(c(body).type).toBe('evolutivo');
  });

  it('customers calling us is not a request to be called', () => {
    expect(c('La web no carga desde las nueve y los clientes nos llaman sin parar.').flags.phoneRequest).toBe(false);
    expect(c('La web no carga desde las nueve. ¿Nos podéis llamar?').flags.phoneRequest).toBe(true);
  });

  it.each([
    ['en', 'We need a new promotions page. It has to be live by 15 March, it is critical for us.', 'Urgente'],
    ['en', 'We would like to upgrade the shop to the latest version during Q2. Please send an estimate.', 'Media'],
  ])('an evolutivo\'s criticality follows the customer\'s date (%s → %s)', (_lang, body, crit) => {
    expect(c(body).evoCriticality).toBe(crit);
  });

  it.each([
    ['en', 'Since the release the payment step fails for everyone and no orders have come in today.', 'Muy Alta'],
    ['en', 'The search returns nothing, so customers cannot find products to buy; direct product links still work.', 'Alta'],
    ['en', 'It keeps charging the wrong rate for shipping to Canada, this is the second time we report it.', 'Alta'],
  ])('impact words read in context (%s → %s)', (_lang, body, priority) => {
    expect(c(body).priority).toBe(priority);
  });

  it.each([
    ['en', 'Still waiting for an answer on how to change the invoice footer. Your service has gone downhill.'],
    ['es', 'Seguimos esperando respuesta sobre cómo cambiar el pie de las facturas, cada vez peor.'],
  ])('things getting worse or still waiting is a complaint (%s)', (_lang, body) => {
    expect(c(body).flags.complaint).toBe(true);
  });

  it('setting up a social-media account is out of scope; an accountant\'s wish for a change is not', () => {
    expect(c('Can you set up our TikTok business account and a posting schedule?').flags.outOfScope).toBe(true);
    expect(c('Our accountant wants the invoices to show the order number. Can you change that?').flags.outOfScope).toBe(false);
  });

  it('"por un lado … por otro lado" is two topics', () => {
    expect(c('Por un lado, el cupón de bienvenida no descuenta nada. Por otro lado, el logo del pie se ve pixelado.').flags.multiTopic).toBe(true);
  });

  it('a bare "un fallo desde ayer" asks for more information', () => {
    expect(c('Hola, tenemos un fallo desde ayer. ¿Lo miráis?').flags.missingInfo).toBe(true);
  });
});
