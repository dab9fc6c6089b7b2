// The background's reckoning of what a product and its alternatives are worth lives in shared/ledger/worth.ts,
// where `carbon-ledger simulate` builds its events with the same code.

export * from '../../../shared/ledger/worth.ts';
