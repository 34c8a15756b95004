// What a screen's Korean words must be: one string for each key of its English words, no more, no less.
export type Messages<English> = Record<keyof English, string>;
