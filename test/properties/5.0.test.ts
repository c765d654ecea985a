// Every property on the 5.0 releases its claims apply to (test/properties/check.ts).

import { checkVersion } from './check.ts';

checkVersion('5.0');
