package io.supplyline.query.axon;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.admin.Admin;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.smallrye.health.api.Wellness;
import io.supplyline.events.EventTopic;

/**
 * Whether the Kafka cluster answers, at {@code /q/health/well} and {@code /q/health}. Not a readiness
 * check: the read models are still served while Kafka is away, only they fall behind (the projection
 * lag shows by how much).
 */
@Wellness
@Singleton
public class KafkaHealth implements HealthCheck {

    private final Admin admin;

    KafkaHealth(KafkaSettings kafka) {
        this.admin = Admin.create(kafka.clientProperties());
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("kafka").status(EventTopic.reachable(admin, 2_000)).build();
    }

    @PreDestroy
    void close() {
        admin.close();
    }
}
