package io.supplyline.query.alerts;

import jakarta.persistence.MappedSuperclass;

import io.supplyline.query.projection.ProjectedRow;

/** What the alerts projection keeps of one aggregate: only the events that can open or resolve an alert. */
@MappedSuperclass
public abstract class AlertRow extends ProjectedRow {

    @Override
    protected boolean seesEveryEvent() {
        return false;
    }
}
