/** A calendar refused this machine's sign-in (twice, or silent renewal failed): the person must connect again. */
export class ReconnectNeeded extends Error {
  constructor(message = 'Your calendar needs you to connect again.') {
    super(message);
    this.name = 'ReconnectNeeded';
  }
}
