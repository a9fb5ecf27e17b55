import type { Scenario } from '../model.js';
import { copyScenarios } from './copy.js';

/** Every scenario, in a stable order. */
export const scenarios: Scenario[] = [...copyScenarios];
export { copyScenarios };
