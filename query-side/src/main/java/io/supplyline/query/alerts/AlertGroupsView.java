package io.supplyline.query.alerts;

import java.time.Instant;
import java.util.List;

/** Alerts counted by type, the largest group first. */
public record AlertGroupsView(List<Group> groups) {

    /** @param latestAt when the newest alert of the group opened */
    public record Group(AlertType type, long count, Instant latestAt) {
    }
}
