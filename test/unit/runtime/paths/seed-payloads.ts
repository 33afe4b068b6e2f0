// Payloads behind the path examples in the seeds (/work/shared/seeds/001 and 002), written
// out as the calls and responses those pages describe.

/** Seed 001: what a webhook trigger receives, as the scope its paths are read from. */
export const webhookCall = {
  body: {
    event: 'purchase.approved',
    type: 'order',
    trigger: 'checkout',
    name: 'Ana Souza',
    email: 'ana@example.com',
    phone: '+5511999990000',
    user: { name: 'Ana Souza' },
    order: { total: 149.9 },
    data: [
      { email: 'ana@example.com', name: 'Ana' },
      { email: 'bruno@example.com', name: 'Bruno' },
    ],
    customer: {
      email: 'ana@example.com',
      phone: '+5511999990000',
      address: { city: 'São Paulo' },
    },
  },
  headers: { 'content-type': 'application/json', 'x-event': 'order_approved' },
  query: { signature: 'abc123' },
};

/** Seed 002: the JSON response-mapping example. */
export const jsonResponse = { data: { userId: 1, id: 1, title: 'delectus aut autem' } };

/** Seed 002: the array response-mapping example. */
export const arrayResponse = [
  { userId: 1, completed: false },
  { userId: 2, completed: false },
];

/** Seed 002: the XML response-mapping example. */
export const xmlResponse =
  '<?xml version="1.0" encoding="UTF-8"?>' +
  "<note><to>Tove</to><from>Jani</from><heading>Reminder</heading><body>Don't forget me this weekend!</body></note>";
