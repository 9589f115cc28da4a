package io.supplyline.system.faults;

import java.time.Duration;

/**
 * One fault of the suite: what breaks, for how long, and what an operator (or the orchestrator) does
 * afterwards. A crash ({@code crash}) is over the moment it happens, the survivors carry on, and
 * the service should work throughout; an outage lasts until it is lifted.
 */
record Fault(String name, Step inject, Duration hold, Step lift, boolean crash) {

    interface Step {
        void run() throws Exception;
    }
}
