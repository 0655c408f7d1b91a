// vitest setup file: every message the language produces in a test must be for people.
import { checkEveryMessage } from './messages-for-people.js';

checkEveryMessage();
