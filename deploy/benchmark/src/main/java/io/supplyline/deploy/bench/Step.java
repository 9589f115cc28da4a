package io.supplyline.deploy.bench;

import java.util.concurrent.Callable;

/** A step of the benchmark, logged as it starts and, with how long it took, as it ends. */
final class Step {

    private Step() {
    }

    static <T> T timed(String what, Callable<T> step) throws Exception {
        System.out.printf("[bench] %s%n", what);
        long began = System.nanoTime();
        try {
            return step.call();
        } finally {
            System.out.printf("[bench]   took %.1f s%n", (System.nanoTime() - began) / 1e9);
        }
    }
}
