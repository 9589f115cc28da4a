package io.supplyline.support.kafka;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.admin.Admin;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.smallrye.health.api.Wellness;

/**
 * Whether the Kafka cluster answers, at {@code /q/health/well} and {@code /q/health}. Not a readiness
 * check: both services keep working while Kafka is away, so a load balancer must keep sending them
 * requests. The command side still accepts commands (its relay catches up later, the relay lag shows
 * how far behind); the query side still serves its read models, which only fall behind (the
 * projection lag shows by how much).
 */
@Wellness
@Singleton
public class KafkaHealth implements HealthCheck {

    private static final long TIMEOUT_MILLIS = 2_000;

    private final Admin admin;

    KafkaHealth(KafkaSettings kafka) {
        this.admin = Admin.create(kafka.clientProperties());
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("kafka").status(reachable()).build();
    }

    private boolean reachable() {
        try {
            admin.describeCluster().nodes().get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @PreDestroy
    void close() {
        admin.close();
    }
}
