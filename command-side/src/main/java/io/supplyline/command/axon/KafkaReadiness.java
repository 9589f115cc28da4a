package io.supplyline.command.axon;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.admin.Admin;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.supplyline.events.EventTopic;

/**
 * Ready only while the Kafka cluster answers. Commands are still accepted while it is away (the
 * relay catches up later), but an operator needs to see the outage.
 */
@Readiness
@Singleton
public class KafkaReadiness implements HealthCheck {

    private final Admin admin;

    KafkaReadiness(KafkaSettings kafka) {
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
