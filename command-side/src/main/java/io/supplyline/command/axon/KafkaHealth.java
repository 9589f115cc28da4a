package io.supplyline.command.axon;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.admin.Admin;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.smallrye.health.api.Wellness;
import io.supplyline.events.EventTopic;

/**
 * Whether the Kafka cluster answers, at {@code /q/health/well} and {@code /q/health}. Not a readiness
 * check: commands are still accepted while Kafka is away (the relay catches up later), so a load
 * balancer must keep sending them here; an operator sees the outage here and in the relay lag.
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
