package io.supplyline.command.aggregates;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How many aggregates the command side keeps between commands, and for how long unused; see application.properties. */
@ConfigMapping(prefix = "supplyline.aggregate-cache")
public interface AggregateCacheSettings {

    /** 0 keeps none: every command loads its aggregate from the store. */
    @WithDefault("5000")
    int maxSize();

    @WithDefault("10m")
    Duration maxIdle();
}
