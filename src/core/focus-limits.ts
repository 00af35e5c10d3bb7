/** Lengths a focus block may have, in minutes. */
export const FOCUS_MINUTES = { min: 5, max: 240 } as const;
