package io.supplyline.query.axon;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.admin.Admin;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.supplyline.events.EventTopic;

/** Ready only while the Kafka cluster answers: without it the read models fall behind. */
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
