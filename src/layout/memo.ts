// Results of pure layout steps, kept by a build context under the model they were made from. A model
// is replaced when its files change, never changed in place, so a result kept under it cannot be
// stale, and it goes with its model (a WeakMap holds no model alive).
import { BoundedMap } from '../bounded.js';

/**
 * Results kept per model. A build asks for a handful of sizes per model (validate for A0–A4 and the
 * release config's, about eight); past sixteen the oldest goes.
 */
export const RESULTS_PER_MODEL = 16;

export class ModelMemo<T> {
  private byModel = new WeakMap<object, BoundedMap<string, T>>();

  get(model: object, key: string): T | undefined {
    return this.byModel.get(model)?.get(key);
  }

  set(model: object, key: string, value: T): void {
    let m = this.byModel.get(model);
    if (!m) this.byModel.set(model, (m = new BoundedMap(RESULTS_PER_MODEL)));
    m.set(key, value);
  }
}
