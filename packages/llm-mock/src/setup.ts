/**
 * `setupFilesAfterEnv` entry that installs the real-call guard from the config that
 * `createLlmGuardSetup` put in Jest's globals. `require` here is Jest's, so the app module it loads is
 * the very instance the test files import.
 */
import { installGuardFromGlobals } from './guardSetup';

installGuardFromGlobals((modulePath) => require(modulePath) as object);
