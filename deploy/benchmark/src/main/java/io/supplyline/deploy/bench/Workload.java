package io.supplyline.deploy.bench;

import java.time.Duration;

/** A mix of commands the benchmark drives the command API with. */
interface Workload {

    String name();

    /**
     * Sends {@code commands} commands from {@code workers} concurrent clients, timing each into
     * {@code latencies}; open-loop at {@code rate} per second (latency counted from when each was due),
     * or closed-loop as fast as answered when the rate is 0. Sends nothing new after {@code limit}.
     *
     * @return the seconds the timed commands took (set-up, such as a day's opening, excluded)
     */
    double drive(int commands, int workers, double rate, Duration limit, Latencies latencies) throws Exception;
}
