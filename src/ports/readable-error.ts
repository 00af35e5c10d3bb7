/**
 * A failure whose message is written for the person (a refusal, a page that must be reloaded): pages show it as it
 * is. Any other error reaching a page is shown as a calm generic sentence, its details going to the console.
 */
export class ReadableError extends Error {}
