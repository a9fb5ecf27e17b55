import type { Scenario } from '../model.js';
import { copyScenarios } from './copy.js';
import { permissionScenarios } from './permissions.js';

/** Every scenario, in a stable order. */
export const scenarios: Scenario[] = [...copyScenarios, ...permissionScenarios];
export { copyScenarios, permissionScenarios };
