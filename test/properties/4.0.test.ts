// Every property on the 4.0 releases its claims apply to (test/properties/check.ts).

import { checkVersion } from './check.ts';

checkVersion('4.0');
