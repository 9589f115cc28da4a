package io.supplyline.command.snapshots;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How many events an aggregate may gather before a snapshot is taken; see application.properties. */
@ConfigMapping(prefix = "supplyline.snapshots")
public interface SnapshotSettings {

    @WithDefault("100")
    int stockItemThreshold();
}
