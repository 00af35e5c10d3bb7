/** A periodic alarm that polls the calendar and re-derives cues. It also catches a wake: missed alarms fire on wake. */
export const REFRESH_ALARM = 'cueboard:refresh';
export const REFRESH_MINUTES = 15;
/** A one-shot alarm for the next outbox retry. */
export const OUTBOX_ALARM = 'cueboard:outbox';
