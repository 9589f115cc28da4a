package io.supplyline.command.eventstore;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How many of the newest events the event store keeps in memory for the processes and the relay that tail it;
 * see application.properties. A tailing processor further behind than this reads from the database instead.
 */
@ConfigMapping(prefix = "supplyline.recent-events")
public interface RecentEventsSettings {

    @WithDefault("2000")
    int maxSize();
}
