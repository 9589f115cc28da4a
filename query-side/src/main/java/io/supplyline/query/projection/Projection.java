package io.supplyline.query.projection;

/**
 * An event handler of a read model. Each is registered with the tracking processor of its
 * {@code @ProcessingGroup}; several handlers may share one group (and so one position in the topic).
 */
public interface Projection {
}
