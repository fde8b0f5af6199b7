/** A typed failure with a stable dotted code (mirrors Harmony.Core's HarmonyException). */
export class HarmonyError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HarmonyError';
  }
}
