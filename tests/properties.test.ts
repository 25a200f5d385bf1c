import * as api from "../src/index.js";
import { describeInvariants } from "./support/invariants.js";

describeInvariants("src", api);
