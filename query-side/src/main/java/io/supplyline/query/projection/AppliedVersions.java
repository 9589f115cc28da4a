package io.supplyline.query.projection;

import java.util.OptionalLong;

/** What a read model can say about its progress, for reads that must include a given write. */
public interface AppliedVersions extends Projection {

    /**
     * @return the last sequence number of the aggregate's events this read model has applied (-1 for none
     *         yet), or empty when the read model does not follow this kind of aggregate at all
     */
    OptionalLong appliedVersion(String aggregateId);

    /** The version of a row, -1 when the row does not exist yet. */
    static OptionalLong of(ProjectedRow row) {
        return OptionalLong.of(row == null ? -1 : row.version);
    }
}
