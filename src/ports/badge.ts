/** The toolbar badge: a short text and its tooltip. */
export interface Badge {
  show(text: string, title: string): Promise<void>;
}
