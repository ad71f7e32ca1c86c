/**
 * The SPA's data stores, one per domain.
 */
export { store, STORE_NAME } from './core';
export { store as coreStore } from './core';
export { store as ticketsStore } from './tickets';
export { store as customersStore } from './customers';
export { store as cannedResponsesStore } from './canned-responses';
export { store as teamsStore } from './teams';
