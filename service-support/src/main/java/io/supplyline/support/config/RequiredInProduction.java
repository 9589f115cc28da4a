package io.supplyline.support.config;

import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * Production refuses to start without the settings that have no safe default. Quarkus reads these
 * two as optional, so a missing variable would otherwise mean any audience and no database password.
 */
@Singleton
public class RequiredInProduction {

    static final List<String> SETTINGS = List.of("mp.jwt.verify.audiences", "quarkus.datasource.password");

    void check(@Observes StartupEvent event) {
        if (!ConfigUtils.isProfileActive("prod")) {
            return;
        }
        Config config = ConfigProvider.getConfig();
        for (String name : SETTINGS) {
            if (config.getOptionalValue(name, String.class).filter(value -> !value.isBlank()).isEmpty()) {
                throw new IllegalStateException(name + " must be set in production (see deploy/k8s/README.md)");
            }
        }
    }
}
